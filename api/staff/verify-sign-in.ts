import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users, type UserRow } from '../../db/schema/index';
import { decoyPasswordHash, verifyPassword } from './password-hash';
import { lockoutMs } from './sign-in-lockout';
import { normaliseStaffEmail } from './staff-email';

export type SignInOutcome = { ok: true; user: UserRow } | { ok: false };

/**
 * Checks an email and password. An unknown email, a wrong password, a disabled account and a
 * locked one answer alike (a lock is not announced: it would confirm the address) (and an unknown email still pays for one scrypt), so the form tells
 * nobody which addresses have accounts. Repeated failures lock the account with growing back-off;
 * the lock holds even for the right password until it ends.
 */
export async function verifySignIn(db: Database, input: { email: string; password: string }, now: Date): Promise<SignInOutcome> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseStaffEmail(input.email)));
  const matches = await verifyPassword(input.password, user?.passwordHash ?? decoyPasswordHash);
  if (!user || user.disabledAt || !user.passwordHash) return { ok: false };

  const lockedFor = user.lockedUntil ? Date.parse(user.lockedUntil) - now.getTime() : 0;
  if (lockedFor > 0) return { ok: false };
  const at = now.toISOString();
  if (matches) {
    if (user.failedSignIns > 0) await db.update(users).set({ failedSignIns: 0, lockedUntil: null }).where(eq(users.id, user.id));
    return { ok: true, user };
  }
  const failures = user.failedSignIns + 1;
  const lock = lockoutMs(failures);
  await db
    .update(users)
    .set({ failedSignIns: failures, lockedUntil: lock > 0 ? new Date(now.getTime() + lock).toISOString() : null, updatedAt: at })
    .where(eq(users.id, user.id));
  return { ok: false };
}
