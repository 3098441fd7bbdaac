import { createHash, randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { staffSessions, users, type StaffRole } from '../../db/schema/index';

/** Idle: a console left open at lunch signs out. Absolute: nobody stays signed in past a working day. */
export const sessionIdleMs = 30 * 60_000;
export const sessionAbsoluteMs = 12 * 3_600_000;
/** last_seen_at is written at most this often, so reading pages does not queue writes. */
const touchEveryMs = 60_000;

const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export type StaffSession = {
  id: string;
  csrfToken: string;
  verified: boolean;
  user: { id: string; name: string; email: string; role: StaffRole; totpEnabled: boolean };
};

/** Starts a session; the cookie carries the returned secret, the database only its hash. */
export async function startStaffSession(db: DatabaseOrTransaction, userId: string, now: Date, options: { verified: boolean }): Promise<string> {
  const secret = randomBytes(32).toString('base64url');
  const at = now.toISOString();
  await db.insert(staffSessions).values({
    id: hashSecret(secret),
    userId,
    csrfToken: randomBytes(24).toString('base64url'),
    verified: options.verified,
    createdAt: at,
    lastSeenAt: at,
    expiresAt: new Date(now.getTime() + sessionAbsoluteMs).toISOString(),
  });
  return secret;
}

/** The live session a cookie secret names, or undefined when unknown, idle too long, past its end, or its account disabled. */
export async function findStaffSession(db: DatabaseOrTransaction, secret: string, now: Date): Promise<StaffSession | undefined> {
  const id = hashSecret(secret);
  const [row] = await db
    .select({ session: staffSessions, user: { id: users.id, name: users.name, email: users.email, role: users.role, totpEnabledAt: users.totpEnabledAt, disabledAt: users.disabledAt } })
    .from(staffSessions)
    .innerJoin(users, eq(users.id, staffSessions.userId))
    .where(eq(staffSessions.id, id));
  if (!row) return undefined;
  const idleFor = now.getTime() - Date.parse(row.session.lastSeenAt);
  if (row.user.disabledAt || idleFor > sessionIdleMs || now.getTime() >= Date.parse(row.session.expiresAt)) {
    await db.delete(staffSessions).where(eq(staffSessions.id, id));
    return undefined;
  }
  if (idleFor > touchEveryMs) await db.update(staffSessions).set({ lastSeenAt: now.toISOString() }).where(eq(staffSessions.id, id));
  const { totpEnabledAt, disabledAt: _disabled, ...user } = row.user;
  return { id, csrfToken: row.session.csrfToken, verified: row.session.verified, user: { ...user, totpEnabled: totpEnabledAt !== null } };
}

/** A second factor was given: the half-open session becomes a full one, under a new secret (no fixation). */
export async function promoteStaffSession(db: DatabaseOrTransaction, session: StaffSession, now: Date): Promise<string> {
  await endStaffSession(db, session.id);
  return startStaffSession(db, session.user.id, now, { verified: true });
}

export async function endStaffSession(db: DatabaseOrTransaction, sessionId: string): Promise<void> {
  await db.delete(staffSessions).where(eq(staffSessions.id, sessionId));
}

/** Sign-out everywhere: every session of the account, on every device, ends now. */
export async function endAllStaffSessions(db: DatabaseOrTransaction, userId: string): Promise<number> {
  const ended = await db.delete(staffSessions).where(eq(staffSessions.userId, userId)).returning({ id: staffSessions.id });
  return ended.length;
}
