import type { z } from '@hono/zod-openapi';
import type { WebhookRow } from '../../../db/schema/index';
import type { WebhookSchema } from './schema';

/** A webhook on the wire: never its secret (only the answer that creates it carries that). */
export function webhookJson(row: WebhookRow): z.infer<typeof WebhookSchema> {
  return {
    id: row.id,
    url: row.url,
    state: row.state,
    source: row.source,
    component_ids: row.componentIds ?? null,
    consecutive_failures: row.consecutiveFailures,
    last_error: row.lastError,
    disabled_reason: row.disabledReason,
    last_delivered_at: row.lastDeliveredAt,
    created_at: row.createdAt,
    confirmed_at: row.confirmedAt,
    disabled_at: row.disabledAt,
  };
}
