import { sql } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { tokenRoles } from './constants';

/** API tokens: the secret is shown once; only its SHA-256 is kept, found by its short prefix. */
export const apiTokens = sqliteTable('api_tokens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  role: text('role', { enum: tokenRoles }).notNull(),
  prefix: text('prefix').notNull().unique(),
  secretHash: text('secret_hash').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  lastUsedAt: text('last_used_at'),
  revokedAt: text('revoked_at'),
});

export type ApiTokenRow = typeof apiTokens.$inferSelect;
