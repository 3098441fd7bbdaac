import { eq } from 'drizzle-orm';
import { Secret, TOTP } from 'otpauth';
import type { DatabaseOrTransaction } from '../../db/client';
import { users, type UserRow } from '../../db/schema/index';

const issuer = 'Hali';

function totpFor(user: Pick<UserRow, 'email'>, secret: string): TOTP {
  return new TOTP({ issuer, label: user.email, algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(secret) });
}

/** A fresh secret to show (as an otpauth:// URI and in base32) until the person confirms it with a code. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpUri(user: Pick<UserRow, 'email'>, secret: string): string {
  return totpFor(user, secret).toString();
}

/**
 * Checks a code, allowing one step of clock drift either way. A code is accepted once: its time
 * step is remembered, so a code seen over someone's shoulder cannot be replayed.
 */
export async function acceptTotpCode(db: DatabaseOrTransaction, user: Pick<UserRow, 'id' | 'email' | 'totpLastStep'>, secret: string, code: string, now: Date): Promise<boolean> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return false;
  const delta = totpFor(user, secret).validate({ token, timestamp: now.getTime(), window: 1 });
  if (delta === null) return false;
  const step = Math.floor(now.getTime() / 30_000) + delta;
  if (user.totpLastStep !== null && step <= user.totpLastStep) return false;
  await db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  return true;
}

/** Turns two-factor on once the person has shown a code from the new secret. */
export async function enableTotp(db: DatabaseOrTransaction, user: Pick<UserRow, 'id' | 'email' | 'totpLastStep'>, secret: string, code: string, now: Date): Promise<boolean> {
  if (!(await acceptTotpCode(db, user, secret, code, now))) return false;
  await db.update(users).set({ totpSecret: secret, totpEnabledAt: now.toISOString(), updatedAt: now.toISOString() }).where(eq(users.id, user.id));
  return true;
}
