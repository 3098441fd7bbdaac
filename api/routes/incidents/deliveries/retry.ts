import { retryIncidentDeliveries } from '../../../broadcast/outbox/retry-deliveries';
import { actionContext } from '../../../http/action-context';
import type { OpenApiRouter } from '../../../http/openapi-app';
import { problemResponses } from '../../../http/problem-schema';
import { staffRoute } from '../../../http/staff-route';
import { RetriedSchema } from '../../deliveries/schema';
import { IdParamSchema } from '../schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/incidents/{id}/deliveries/retry',
  tags: ['Deliveries'],
  summary: 'Re-drive every failed and dead delivery of an incident',
  description: 'Each goes back as POST /deliveries/{id}/retry would send it; audited as `incident.deliveries.retry`.',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'How many were queued again (0 when none had failed).', content: { 'application/json': { schema: RetriedSchema } } },
    ...problemResponses(404),
  },
});

export function registerRetryIncidentDeliveries(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const requeued = await retryIncidentDeliveries(c.get('deps').db, id, actionContext(c));
    return c.json({ requeued }, 200);
  });
}
