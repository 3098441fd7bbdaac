import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tokenRoles } from './constants';
import { users } from './users';

/**
 * API tokens: the secret is shown once; only its SHA-256 is kept, found by its short prefix.
 * The prefix only narrows the lookup (the hash decides), so it is not unique: an operator's
 * ADMIN_TOKEN may share it with another token.
 */
export const apiTokens = sqliteTable(
  'api_tokens',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** The person the token acts for: four-eyes compares people, not tokens. */
    userId: text('user_id').references(() => users.id, { onDelete: 'cascade' }),
    role: text('role', { enum: tokenRoles }).notNull(),
    prefix: text('prefix').notNull(),
    secretHash: text('secret_hash').notNull(),
    /** Registered from ADMIN_TOKEN: a new value of the variable replaces it. */
    fromEnvironment: integer('from_environment', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    lastUsedAt: text('last_used_at'),
    revokedAt: text('revoked_at'),
  },
  (table) => [index('api_tokens_prefix').on(table.prefix)],
);

export type ApiTokenRow = typeof apiTokens.$inferSelect;
