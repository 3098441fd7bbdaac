import { notFound } from '../../domain-errors';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { findWebhook } from '../../subscribers/webhooks/read-webhooks';
import { webhookJson } from './json';
import { WebhookIdParamSchema, WebhookSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'get',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Get a webhook',
  request: { params: WebhookIdParamSchema },
  responses: {
    200: { description: 'The webhook.', content: { 'application/json': { schema: WebhookSchema } } },
    ...problemResponses(404),
  },
});

export function registerGetWebhook(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const row = await findWebhook(c.get('deps').db, id);
    if (!row) throw notFound('webhook', id);
    return c.json(webhookJson(row), 200);
  });
}
