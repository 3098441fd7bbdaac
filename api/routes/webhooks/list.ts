import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson, PagingQuerySchema } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { listWebhooks } from '../../subscribers/webhooks/read-webhooks';
import { webhookJson } from './json';
import { WebhookListSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'get',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: 'List webhooks',
  description: 'Newest first, with state, consecutive failures, the last error and why a webhook was disabled.',
  request: { query: PagingQuerySchema },
  responses: {
    200: { description: 'One page of webhooks.', content: { 'application/json': { schema: WebhookListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListWebhooks(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const paging = c.req.valid('query');
    const { items, total } = await listWebhooks(c.get('deps').db, paging);
    return c.json(listJson(items.map(webhookJson), total, paging), 200);
  });
}
