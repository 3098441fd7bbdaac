import { z } from '@hono/zod-openapi';
import { webhookSources, webhookStates } from '../../../db/schema/constants';
import { listSchema } from '../../http/paging';

export const WebhookIdParamSchema = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }) });

export const CreateWebhookSchema = z
  .object({
    url: z.string().trim().min(1, 'cannot be empty').max(2000, 'at most 2,000 characters').openapi({ example: 'https://portal.example.go.ke/hooks/hali' }),
    component_ids: z.array(z.string().max(64)).max(200).default([]).openapi({ description: 'Components to follow; empty or absent follows all.' }),
  })
  .openapi('CreateWebhook');

export const WebhookSchema = z
  .object({
    id: z.string(),
    url: z.string(),
    state: z.enum(webhookStates).openapi({ description: 'pending: waiting for its URL to echo the challenge; disabled: see disabled_reason.' }),
    source: z.enum(webhookSources),
    component_ids: z.array(z.string()).nullable(),
    consecutive_failures: z.number().int(),
    last_error: z.string().nullable(),
    disabled_reason: z.string().nullable(),
    last_delivered_at: z.string().nullable(),
    created_at: z.string(),
    confirmed_at: z.string().nullable(),
    disabled_at: z.string().nullable(),
  })
  .openapi('Webhook');

export const CreatedWebhookSchema = WebhookSchema.extend({
  secret: z.string().openapi({ description: 'Signing key for X-Hali-Signature. Shown only in this response; store it now.' }),
}).openapi('CreatedWebhook');

export const WebhookListSchema = listSchema(WebhookSchema, 'WebhookList');
