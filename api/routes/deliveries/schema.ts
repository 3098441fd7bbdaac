import { z } from '@hono/zod-openapi';
import { deliveryChannels, deliveryStates, type TokenRole } from '../../../db/schema/constants';
import type { DeliveryRow } from '../../../db/schema/index';
import type { DeliveryListing, XThreadEntry } from '../../broadcast/outbox/list-deliveries';

export const DeliveryIdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'k2m9x7q4w8ab' }) });
export const IncidentIdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }) });

const paging = {
  state: z.enum(deliveryStates).optional(),
  channel: z.enum(deliveryChannels).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100).openapi({ description: 'At most 500 per page.' }),
  offset: z.coerce.number().int().min(0).default(0),
};
export const DeliveryQuerySchema = z.object({ incident_id: z.string().optional(), ...paging });
export const IncidentDeliveryQuerySchema = z.object(paging);

export const DeliverySchema = z
  .object({
    id: z.string(),
    channel: z.enum(deliveryChannels),
    incident_id: z.string().nullable(),
    update_id: z.string().nullable(),
    move_id: z.number().int().nullable(),
    recipient: z.string().openapi({ description: 'The appointment reference, or "x" for the X account; never an email address.' }),
    state: z.enum(deliveryStates),
    attempts: z.number().int(),
    next_attempt_at: z.string(),
    lease_owner: z.string().nullable(),
    lease_expires_at: z.string().nullable(),
    batch_id: z.string().nullable(),
    provider_id: z.string().nullable(),
    last_error: z.string().nullable(),
    idempotency_key: z.string(),
    payload: z
      .record(z.string(), z.unknown())
      .nullable()
      .openapi({ description: 'What was (or, in a dry run, would have been) sent. The applicant’s address (`to`) is shown to publishers and admins only.' }),
    created_at: z.string(),
    updated_at: z.string(),
    sent_at: z.string().nullable(),
  })
  .openapi('Delivery');

const CountsSchema = z.object(Object.fromEntries(deliveryStates.map((state) => [state, z.number().int()])) as Record<(typeof deliveryStates)[number], z.ZodNumber>);

export const DeliveryListSchema = z.object({ counts: CountsSchema, total: z.number().int(), items: z.array(DeliverySchema) }).openapi('DeliveryList');

const XThreadEntrySchema = z.object({
  delivery_id: z.string(),
  update_id: z.string().nullable(),
  state: z.enum(deliveryStates),
  sequence: z.number().int(),
  text: z.string().nullable(),
  weighted_length: z.number().int().nullable(),
  post_id: z.string().nullable(),
  in_reply_to: z.string().nullable(),
  replies_to_delivery_id: z.string().nullable(),
});

export const IncidentDeliveryListSchema = DeliveryListSchema.extend({
  x_thread: z.array(XThreadEntrySchema).openapi({ description: 'The incident’s X posts in thread order, with what each replies to.' }),
}).openapi('IncidentDeliveryList');

export const RetriedSchema = z.object({ requeued: z.number().int().openapi({ description: 'Deliveries put back in the queue.' }) }).openapi('Retried');

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

export function deliveryListJson(listing: DeliveryListing, role: TokenRole) {
  return { counts: listing.counts, total: listing.total, items: listing.items.map((row) => deliveryJson(row, role)) };
}

export function xThreadJson(entry: XThreadEntry): z.infer<typeof XThreadEntrySchema> {
  return {
    delivery_id: entry.deliveryId,
    update_id: entry.updateId,
    state: entry.state,
    sequence: entry.sequence,
    text: entry.text,
    weighted_length: entry.weightedLength,
    post_id: entry.postId,
    in_reply_to: entry.inReplyTo,
    replies_to_delivery_id: entry.repliesToDeliveryId,
  };
}
