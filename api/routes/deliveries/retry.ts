import { retryDelivery } from '../../broadcast/outbox/retry-deliveries';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { DeliveryIdParamSchema, RetriedSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/deliveries/{id}/retry',
  tags: ['Deliveries'],
  summary: 'Re-drive a failed or dead delivery',
  description:
    'A dead email goes back with its whole batch and the same Idempotency-Key (Resend will not send twice within 24 hours); a failed email is rendered again and sent in a new batch; an X post is checked against the account before it is posted again.',
  request: { params: DeliveryIdParamSchema },
  responses: {
    200: { description: 'Queued again.', content: { 'application/json': { schema: RetriedSchema } } },
    ...problemResponses(404, 409),
  },
});

export function registerRetryDelivery(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const requeued = await retryDelivery(c.get('deps').db, id, actionContext(c));
    return c.json({ requeued }, 200);
  });
}
