import type { z } from '@hono/zod-openapi';
import type { TokenRole } from '../../../db/schema/constants';
import type { DeliveryRow } from '../../../db/schema/index';
import type { DeliveryFilter, DeliveryListing } from '../../broadcast/outbox/list-deliveries';
import { listJson, type Paging } from '../../http/paging';
import type { DeliveryListSchema, DeliveryQuerySchema, DeliverySchema } from './schema';

/** A delivery on the wire as `role` may see it. */
export function deliveryJson(row: DeliveryRow, role: TokenRole): z.infer<typeof DeliverySchema> {
  let payload = row.payload;
  // Drafters see counts and subjects, never who an email goes to: the address, and the body that
  // greets the applicant by name, are for publishers and admins (as everywhere else in the API).
  if (payload && role === 'drafter' && row.channel === 'applicant_email') {
    payload = 'subject' in payload ? { subject: payload.subject } : null;
  }
  return {
    id: row.id,
    channel: row.channel,
    incident_id: row.incidentId,
    update_id: row.updateId,
    move_id: row.moveId,
    recipient: row.recipient,
    state: row.state,
    attempts: row.attempts,
    next_attempt_at: row.nextAttemptAt,
    lease_owner: row.leaseOwner,
    lease_expires_at: row.leaseExpiresAt,
    batch_id: row.batchId,
    provider_id: row.providerId,
    last_error: row.lastError,
    idempotency_key: row.idempotencyKey,
    payload,
    created_at: row.createdAt,
    updated_at: row.updatedAt,
    sent_at: row.sentAt,
  };
}

/** One page of deliveries as `role` may see them, with the counts by state. */
export function deliveryListJson(listing: DeliveryListing, paging: Paging, role: TokenRole): z.infer<typeof DeliveryListSchema> {
  return { ...listJson(listing.items.map((row) => deliveryJson(row, role)), listing.total, paging), counts: listing.counts };
}

/** The query string as the domain's filter and page. */
export function deliveryFilter(query: z.infer<typeof DeliveryQuerySchema>): DeliveryFilter {
  return { incidentId: query.incident_id, state: query.state, channel: query.channel, limit: query.limit, offset: query.offset };
}
