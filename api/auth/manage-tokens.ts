import { and, count, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { apiTokens, users, type ApiTokenRow, type TokenRole } from '../../db/schema/index';
import { mayHoldTokenRole } from '../staff/token-roles';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from './actor';
import { badRequest, conflict, notFound } from '../domain-errors';
import { createApiToken } from './tokens';

/** A token as admins see it: everything but the hash. */
export type TokenListing = Omit<ApiTokenRow, 'secretHash'>;

export const tokenNameMaxLength = 100;

/** Issues a token; the secret is returned only here and only its hash is kept. */
export async function issueToken(
  db: Database,
  input: { name: string; role: TokenRole; userId: string | null },
  context: ActionContext,
): Promise<{ token: TokenListing; secret: string }> {
  const name = input.name.trim();
  if (name === '' || name.length > tokenNameMaxLength) {
    throw badRequest('Name the token after who or what uses it.', [{ field: 'name', message: `Give a name of 1 to ${tokenNameMaxLength} characters, like “Comms desk: Wanjiru”.` }]);
  }
  return db.transaction(async (tx) => {
    const ownerId = input.userId ?? context.actor.userId;
    if (!ownerId) throw badRequest('Name the account the token acts for in user_id.', [{ field: 'user_id', message: 'Give the id of a staff account.' }]);
    const [owner] = await tx.select().from(users).where(eq(users.id, ownerId));
    if (!owner || owner.disabledAt) throw notFound('active staff account', ownerId);
    if (!mayHoldTokenRole(owner.role, input.role)) {
      throw badRequest(`${owner.name} is a ${owner.role}, so their token cannot be a ${input.role}. Choose a role no higher than theirs.`, [
        { field: 'role', message: `At most the account’s own role (${owner.role}).` },
      ]);
    }
    const { token, secret } = await createApiToken(tx, { name, role: input.role, userId: owner.id });
    await recordAudit(tx, { actor: context.actor, action: 'token.create', targetType: 'api_token', targetId: token.id, detail: { role: input.role } });
    const [row] = await tx.select().from(apiTokens).where(eq(apiTokens.id, token.id));
    return { token: withoutHash(row), secret };
  });
}

export async function listTokens(db: Database, page: { limit: number; offset: number }): Promise<{ items: TokenListing[]; total: number }> {
  const rows = await db.select().from(apiTokens).orderBy(desc(apiTokens.createdAt), desc(sql`rowid`)).limit(page.limit).offset(page.offset);
  const [{ total }] = await db.select({ total: count() }).from(apiTokens);
  return { items: rows.map(withoutHash), total };
}

/**
 * Revokes a token at once (the next request with it is 401). The last active admin token cannot
 * be revoked, since nobody could then issue tokens again.
 */
export async function revokeToken(db: Database, tokenId: string, context: ActionContext): Promise<void> {
  await db.transaction(async (tx) => {
    const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, tokenId));
    if (!token) throw notFound('token', tokenId);
    if (token.revokedAt) throw conflict(`This token was already revoked at ${token.revokedAt}.`);
    if (token.role === 'admin') {
      const others = await tx
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(and(eq(apiTokens.role, 'admin'), isNull(apiTokens.revokedAt), ne(apiTokens.id, tokenId)));
      if (others.length === 0) throw conflict('This is the last active admin token; issue another admin token before revoking it.');
    }
    await tx.update(apiTokens).set({ revokedAt: context.now.toISOString() }).where(eq(apiTokens.id, tokenId));
    await recordAudit(tx, { actor: context.actor, action: 'token.revoke', targetType: 'api_token', targetId: tokenId, detail: { role: token.role } });
  });
}

function withoutHash(row: ApiTokenRow): TokenListing {
  const { secretHash: _hash, ...listing } = row;
  return listing;
}
