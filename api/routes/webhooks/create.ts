import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { registerStaffWebhook } from '../../subscribers/webhooks/register-webhook';
import { webhookJson } from './json';
import { CreatedWebhookSchema, CreateWebhookSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/webhooks',
  tags: ['Webhooks'],
  summary: 'Register a webhook',
  description:
    'Active at once. Each published update is POSTed to the URL in Atlassian Statuspage\'s webhook format, signed in `X-Hali-Signature: t=<unix>,v1=<hex HMAC-SHA256 of "<t>.<body>">` with the `secret` returned here once. Loopback and private addresses are refused in production.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateWebhookSchema } } } },
  responses: {
    201: { description: 'The webhook and, once only, its secret.', content: { 'application/json': { schema: CreatedWebhookSchema } } },
    ...problemResponses(400),
  },
});

export function registerCreateWebhook(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { db, config } = c.get('deps');
    const row = await registerStaffWebhook(db, { url: body.url, componentIds: body.component_ids }, { allowPrivate: config.webhooks.allowPrivateAddresses }, actionContext(c));
    return c.json({ ...webhookJson(row), secret: row.secret }, 201);
  });
}
