import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { appointmentLanguages, subscriberStates, webhookSources, webhookStates } from './constants';

/**
 * People who asked to be emailed about updates. An address is one row whatever happens to it
 * (pending, confirmed, unsubscribed), so subscribing again never makes a second. Never reaches
 * the static site.
 */
export const subscribers = sqliteTable(
  'subscribers',
  {
    id: text('id').primaryKey(),
    /** Lower-cased, trimmed: one row per mailbox. */
    email: text('email').notNull().unique(),
    language: text('language', { enum: appointmentLanguages }).notNull(),
    /** The components they follow; null follows all. */
    componentIds: text('component_ids', { mode: 'json' }).$type<string[] | null>(),
    state: text('state', { enum: subscriberStates }).notNull().default('pending'),
    /** Confirmation emails queued so far: numbers each one's idempotency key, so every request sends at most one. */
    confirmationsSent: integer('confirmations_sent').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    confirmedAt: text('confirmed_at'),
    unsubscribedAt: text('unsubscribed_at'),
  },
  (t) => [index('subscribers_state').on(t.state)],
);

export type SubscriberRow = typeof subscribers.$inferSelect;

/**
 * Addresses that receive Statuspage-format webhook payloads, signed with their own secret. A
 * public registration stays `pending` until its URL echoes a challenge; repeated failure
 * disables it with the reason kept for staff.
 */
export const webhooks = sqliteTable(
  'webhooks',
  {
    id: text('id').primaryKey(),
    url: text('url').notNull(),
    /** HMAC-SHA256 key for X-Hali-Signature; shown once, to whoever registered it. */
    secret: text('secret').notNull(),
    state: text('state', { enum: webhookStates }).notNull(),
    source: text('source', { enum: webhookSources }).notNull(),
    /** The staff member who registered it; null for the public. */
    createdBy: text('created_by'),
    componentIds: text('component_ids', { mode: 'json' }).$type<string[] | null>(),
    /** What a pending registration's URL must echo back. */
    challenge: text('challenge'),
    consecutiveFailures: integer('consecutive_failures').notNull().default(0),
    lastError: text('last_error'),
    disabledReason: text('disabled_reason'),
    lastDeliveredAt: text('last_delivered_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    confirmedAt: text('confirmed_at'),
    disabledAt: text('disabled_at'),
  },
  (t) => [index('webhooks_state').on(t.state)],
);

export type WebhookRow = typeof webhooks.$inferSelect;
