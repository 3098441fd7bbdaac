import { z } from '@hono/zod-openapi';
import { deliveryChannels, deliveryStates } from '../../../../db/schema/constants';
import { listSchema, PagingQuerySchema } from '../../../http/paging';
import { DeliverySchema } from '../../deliveries/schema';

export const IncidentDeliveryQuerySchema = PagingQuerySchema.extend({
  state: z.enum(deliveryStates).optional().openapi({ param: { name: 'state', in: 'query' } }),
  channel: z.enum(deliveryChannels).optional().openapi({ param: { name: 'channel', in: 'query' } }),
});

const DeliveryCountsSchema = z
  .object(Object.fromEntries(deliveryStates.map((state) => [state, z.number().int()])) as Record<(typeof deliveryStates)[number], z.ZodNumber>)
  .openapi({ description: 'The incident’s deliveries per state, for the channel filter across all states.' });

export const XThreadEntrySchema = z.object({
  delivery_id: z.string(),
  update_id: z.string().nullable(),
  state: z.enum(deliveryStates),
  sequence: z.number().int(),
  text: z.string().nullable(),
  weighted_length: z.number().int().nullable(),
  post_id: z.string().nullable(),
  in_reply_to: z.string().nullable().openapi({ description: 'The post this one answers (a would-be id in a dry run); null starts a thread.' }),
  replies_to_delivery_id: z.string().nullable(),
});

/** The one list envelope of the incident's deliveries, with the counts by state and the X thread beside it. */
export const IncidentDeliveryListSchema = z
  .object({
    ...listSchema(DeliverySchema, 'DeliveryPage').shape,
    counts: DeliveryCountsSchema,
    x_thread: z.array(XThreadEntrySchema).openapi({ description: 'The incident’s X posts in thread order, with what each replies to.' }),
  })
  .openapi('IncidentDeliveryList');
