import { notFound } from '../../domain-errors';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { deleteWebhook } from '../../subscribers/webhooks/register-webhook';
import { WebhookIdParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'delete',
  path: '/webhooks/{id}',
  tags: ['Webhooks'],
  summary: 'Remove a webhook',
  description: 'Calls queued for it and not yet sent are dropped.',
  request: { params: WebhookIdParamSchema },
  responses: { 204: { description: 'Removed.' }, ...problemResponses(404) },
});

export function registerDeleteWebhook(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    if (!(await deleteWebhook(c.get('deps').db, id, actionContext(c)))) throw notFound('webhook', id);
    return c.body(null, 204);
  });
}
