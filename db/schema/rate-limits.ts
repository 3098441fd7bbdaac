import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * A provider's rate limit, shared by every worker on this database: the times (milliseconds since
 * the epoch, ascending) of the last requests reserved against it, at most `limit` of them. A worker
 * reserves the next free time with one statement that reads and rewrites this row
 * (api/broadcast/outbox/shared-rate-limiter.ts), so all workers together stay under the limit.
 */
export const rateLimits = sqliteTable('rate_limits', {
  /** The limit this row keeps: 'resend' or 'x'. */
  channel: text('channel').primaryKey(),
  /** JSON array of reserved request times, ascending; older entries no longer matter and are dropped. */
  reservedAt: text('reserved_at').notNull().default('[]'),
});
