import { z } from '@hono/zod-openapi';
import { deliveryStates } from '../../../../db/schema/constants';
import { listSchema } from '../../../http/paging';
import { DeliveryCountsSchema, DeliveryQuerySchema, DeliverySchema } from '../../deliveries/schema';

/** The ledger's filters, the incident given by the path. */
export const IncidentDeliveryQuerySchema = DeliveryQuerySchema.omit({ incident_id: true });

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
