import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Every write through the staff API, with who did it; an admin override keeps its reason here. */
export const auditLog = sqliteTable(
  'audit_log',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    tokenId: text('token_id'),
    /** The person behind the action (null: a script such as the demo seed). */
    userId: text('user_id'),
    action: text('action').notNull(),
    targetType: text('target_type').notNull(),
    targetId: text('target_id'),
    detail: text('detail', { mode: 'json' }).$type<Record<string, unknown>>(),
  },
  (t) => [index('audit_log_target').on(t.targetType, t.targetId)],
);

export type AuditLogRow = typeof auditLog.$inferSelect;
