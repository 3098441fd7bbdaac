import { createRoute } from '@hono/zod-openapi';
import { retryIncidentDeliveries } from '../../broadcast/outbox/retry-deliveries';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { IncidentIdParamSchema, RetriedSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/incidents/{id}/deliveries/retry',
  tags: ['Deliveries'],
  summary: 'Re-drive every failed and dead delivery of an incident',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: IncidentIdParamSchema },
  responses: {
    200: { description: 'How many were queued again (0 when none had failed).', content: { 'application/json': { schema: RetriedSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

export function registerRetryIncidentDeliveries(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, now } = c.get('deps');
    const requeued = await retryIncidentDeliveries(db, id, { now: now(), tokenId: c.get('token').id });
    return c.json({ requeued }, 200);
  });
}
