import { z } from '@hono/zod-openapi';
import { appointmentLanguages, subscriberStates } from '../../../db/schema/constants';
import { listSchema } from '../../http/paging';

export const SubscriberSummarySchema = z
  .object({
    pending: z.number().int().openapi({ description: 'Asked, not yet confirmed by the link in their email.' }),
    confirmed: z.number().int().openapi({ description: 'Receive an email for each published update they follow.' }),
    unsubscribed: z.number().int(),
    by_language: z.object({ en: z.number().int(), sw: z.number().int() }).openapi({ description: 'Confirmed subscribers by language.' }),
  })
  .openapi('SubscriberSummary');

export const SubscriberSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    language: z.enum(appointmentLanguages),
    component_ids: z.array(z.string()).nullable().openapi({ description: 'Components followed; null follows all.' }),
    state: z.enum(subscriberStates),
    created_at: z.string(),
    confirmed_at: z.string().nullable(),
    unsubscribed_at: z.string().nullable(),
  })
  .openapi('Subscriber');

export const SubscriberListSchema = listSchema(SubscriberSchema, 'SubscriberList');
