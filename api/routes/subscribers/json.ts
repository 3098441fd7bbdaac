import type { z } from '@hono/zod-openapi';
import type { SubscriberRow } from '../../../db/schema/index';
import type { SubscriberCounts } from '../../subscribers/read-subscribers';
import type { SubscriberSchema, SubscriberSummarySchema } from './schema';

export function subscriberSummaryJson(counts: SubscriberCounts): z.infer<typeof SubscriberSummarySchema> {
  return { pending: counts.pending, confirmed: counts.confirmed, unsubscribed: counts.unsubscribed, by_language: counts.byLanguage };
}

export function subscriberJson(row: SubscriberRow): z.infer<typeof SubscriberSchema> {
  return {
    id: row.id,
    email: row.email,
    language: row.language,
    component_ids: row.componentIds ?? null,
    state: row.state,
    created_at: row.createdAt,
    confirmed_at: row.confirmedAt,
    unsubscribed_at: row.unsubscribedAt,
  };
}
