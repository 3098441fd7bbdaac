import { sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { deliveries } from './deliveries';

/**
 * The message an email delivery sends, stored by the claim that forms its batch, before the first
 * request, so every retry sends the same body under the same Idempotency-Key. Apart from the
 * delivery's own row: the worker rewrites that row at every outcome (sent, retry, failed), and a
 * row carrying its 3 KB message was rewritten whole each time and no longer fit many to a page
 * (api/broadcast/README.md, Decision 2). Written once, read on a retry and by the ledger's API.
 */
export const deliveryMessages = sqliteTable('delivery_messages', {
  deliveryId: text('delivery_id')
    .primaryKey()
    .references(() => deliveries.id, { onDelete: 'cascade' }),
  message: text('message', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
});
