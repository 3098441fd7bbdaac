import { createRoute } from '@hono/zod-openapi';
import { retryDelivery } from '../../broadcast/outbox/retry-deliveries';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { DeliveryIdParamSchema, RetriedSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/deliveries/{id}/retry',
  tags: ['Deliveries'],
  summary: 'Re-drive a failed or dead delivery',
  description:
    'Publishers and admins. A dead email goes back with its whole batch and the same Idempotency-Key (Resend will not send twice within 24 hours); a failed email is rendered again and sent in a new batch; an X post is checked against the account before it is posted again.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: DeliveryIdParamSchema },
  responses: {
    200: { description: 'Queued again.', content: { 'application/json': { schema: RetriedSchema } } },
    ...problemResponses(401, 403, 404, 409),
  },
});

export function registerRetryDelivery(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, now } = c.get('deps');
    const requeued = await retryDelivery(db, id, { now: now(), tokenId: c.get('token').id });
    return c.json({ requeued }, 200);
  });
}
