import { sql } from 'drizzle-orm';
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { deliveryChannels, deliveryStates } from './constants';
import { incidents } from './incidents';

/**
 * The outbox and the ledger: one message to one recipient on one channel. Written in the same
 * transaction as the change that causes it; the worker drains it under a lease.
 */
export const deliveries = sqliteTable(
  'deliveries',
  {
    id: text('id').primaryKey(),
    channel: text('channel', { enum: deliveryChannels }).notNull(),
    incidentId: text('incident_id').references(() => incidents.id, { onDelete: 'set null' }),
    updateId: text('update_id'),
    moveId: integer('move_id'),
    /** Who it goes to: an appointment reference, a subscriber, or the X account. Never an email address in logs. */
    recipient: text('recipient').notNull(),
    state: text('state', { enum: deliveryStates }).notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: text('next_attempt_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    leaseOwner: text('lease_owner'),
    leaseExpiresAt: text('lease_expires_at'),
    /** Fixed before the first attempt so every retry of a batch carries the same Idempotency-Key. */
    batchId: text('batch_id'),
    providerId: text('provider_id'),
    lastError: text('last_error'),
    idempotencyKey: text('idempotency_key').notNull().unique(),
    /** The rendered message (or what is needed to render it), kept so a dry run shows exactly what would go out. */
    payload: text('payload', { mode: 'json' }).$type<Record<string, unknown>>(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
    sentAt: text('sent_at'),
  },
  (t) => [
    // The worker's claims: per channel and state, unbatched vs batched rows apart, oldest due first.
    index('deliveries_due').on(t.channel, t.state, t.batchId, t.nextAttemptAt),
    index('deliveries_incident').on(t.incidentId, t.state),
    index('deliveries_batch').on(t.batchId),
    // The email of a move, found from the move (superseded emails, last-announced dates).
    index('deliveries_move').on(t.moveId),
  ],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
