import { z } from '@hono/zod-openapi';
import { deliveryChannels, deliveryStates } from '../../../db/schema/constants';
import { listSchema, PagingQuerySchema } from '../../http/paging';

export const DeliveryIdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'k2m9x7q4w8ab' }) });

export const DeliveryQuerySchema = PagingQuerySchema.extend({
  incident_id: z.string().optional().openapi({ param: { name: 'incident_id', in: 'query' } }),
  state: z.enum(deliveryStates).optional().openapi({ param: { name: 'state', in: 'query' } }),
  channel: z.enum(deliveryChannels).optional().openapi({ param: { name: 'channel', in: 'query' } }),
});

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

export const DeliveryCountsSchema = z
  .object(Object.fromEntries(deliveryStates.map((state) => [state, z.number().int()])) as Record<(typeof deliveryStates)[number], z.ZodNumber>)
  .openapi({ description: 'Deliveries per state for the incident and channel filters, across all states.' });

/** The one list envelope, with the counts by state beside it so a page shows the whole picture. */
export const DeliveryListSchema = z
  .object({ ...listSchema(DeliverySchema, 'DeliveryPage').shape, counts: DeliveryCountsSchema })
  .openapi('DeliveryList');

export const RetriedSchema = z.object({ requeued: z.number().int().openapi({ description: 'Deliveries put back in the queue.' }) }).openapi('Retried');
