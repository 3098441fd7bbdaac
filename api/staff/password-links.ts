import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, isNull } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { passwordLinks, staffSessions, users } from '../../db/schema/index';
import { badRequest } from '../domain-errors';
import { hashPassword } from './password-hash';
import { passwordProblem } from './password-rules';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A one-time secret for the set-password page; only its hash is stored. */
export async function issuePasswordLink(db: DatabaseOrTransaction, userId: string, now: Date, hours = 72): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await db.insert(passwordLinks).values({
    tokenHash: hashToken(token),
    userId,
    expiresAt: new Date(now.getTime() + hours * 3_600_000).toISOString(),
    createdAt: now.toISOString(),
  });
  return token;
}

/** The account a link is for, while it is unused and unexpired. */
export async function findPasswordLink(db: DatabaseOrTransaction, token: string, now: Date) {
  const [row] = await db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(passwordLinks)
    .innerJoin(users, eq(users.id, passwordLinks.userId))
    .where(and(eq(passwordLinks.tokenHash, hashToken(token)), isNull(passwordLinks.usedAt), gt(passwordLinks.expiresAt, now.toISOString()), isNull(users.disabledAt)));
  return row;
}

/**
 * Sets the password through a link and spends the link. Every session of the account ends,
 * since a password reset is what someone does when they fear it is known.
 */
export async function setPasswordThroughLink(db: DatabaseOrTransaction, token: string, password: string, now: Date): Promise<{ userId: string }> {
  const link = await findPasswordLink(db, token, now);
  if (!link) throw badRequest('This link has expired or was already used. Ask an administrator for a new one.');
  const weak = passwordProblem(password, link);
  if (weak) throw badRequest(weak, [{ field: 'password', message: weak }]);
  const at = now.toISOString();
  await db.update(users).set({ passwordHash: await hashPassword(password), failedSignIns: 0, lockedUntil: null, updatedAt: at }).where(eq(users.id, link.userId));
  await db.update(passwordLinks).set({ usedAt: at }).where(eq(passwordLinks.tokenHash, hashToken(token)));
  await db.delete(staffSessions).where(eq(staffSessions.userId, link.userId));
  return { userId: link.userId };
}
