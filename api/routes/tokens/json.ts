import type { z } from '@hono/zod-openapi';
import type { TokenListing } from '../../auth/manage-tokens';
import type { TokenSchema } from './schema';

/** A token on the wire (snake_case; never its hash). */
export function tokenJson(token: TokenListing): z.infer<typeof TokenSchema> {
  return {
    id: token.id,
    name: token.name,
    role: token.role,
    prefix: token.prefix,
    created_at: token.createdAt,
    user_id: token.userId,
    last_used_at: token.lastUsedAt,
    revoked_at: token.revokedAt,
  };
}
