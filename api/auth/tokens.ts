import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../db/client';
import { apiTokens, users, type ApiTokenRow, type TokenRole } from '../../db/schema/index';
import { newId } from '../ids';

/** Token format: `hali_<prefix>_<secret>`. The prefix finds the row; only the hash is stored. */
const tokenPattern = /^hali_([a-z0-9]{8})_([A-Za-z0-9_-]{32,})$/;

export const hashSecret = (secret: string) => createHash('sha256').update(secret).digest('hex');

export type AuthenticatedToken = Pick<ApiTokenRow, 'id' | 'name' | 'role'> & { userId: string };

/**
 * The prefix a secret is found by: a Hali token's own, or for an operator's ADMIN_TOKEN of any
 * shape the start of its hash, so no character of that secret is stored or listed.
 */
export function lookupPrefix(secret: string): string {
  return tokenPattern.exec(secret)?.[1] ?? hashSecret(secret).slice(0, 8);
}

export async function createApiToken(
  db: DatabaseOrTransaction,
  input: { name: string; role: TokenRole; userId: string },
): Promise<{ token: AuthenticatedToken & { prefix: string }; secret: string }> {
  const prefix = newId(8);
  const secret = `hali_${prefix}_${randomBytes(24).toString('base64url')}`;
  const id = newId();
  await db.insert(apiTokens).values({ id, name: input.name, role: input.role, userId: input.userId, prefix, secretHash: hashSecret(secret) });
  return { token: { id, name: input.name, role: input.role, userId: input.userId, prefix }, secret };
}

export async function findTokenBySecret(db: Database, secret: string): Promise<(AuthenticatedToken & { lastUsedAt: string | null }) | undefined> {
  const prefix = lookupPrefix(secret);
  // A token acts for its account: a disabled account's tokens stop with it.
  const rows = await db
    .select({ token: apiTokens })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(and(eq(apiTokens.prefix, prefix), isNull(apiTokens.revokedAt), isNull(users.disabledAt)))
    .then((found) => found.map((row) => row.token));
  const expected = Buffer.from(hashSecret(secret), 'hex');
  const match = rows.find((row) => timingSafeEqual(Buffer.from(row.secretHash, 'hex'), expected));
  return match?.userId ? { id: match.id, name: match.name, role: match.role, userId: match.userId, lastUsedAt: match.lastUsedAt } : undefined;
}

/** last_used_at to the minute: a write on every request would make each read wait for the writer. */
const touchEveryMs = 60_000;

export async function touchToken(db: Database, token: { id: string; lastUsedAt: string | null }, at: Date): Promise<void> {
  if (token.lastUsedAt && at.getTime() - Date.parse(token.lastUsedAt) < touchEveryMs) return;
  await db.update(apiTokens).set({ lastUsedAt: at.toISOString() }).where(eq(apiTokens.id, token.id));
}
