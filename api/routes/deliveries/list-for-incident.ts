import { createRoute } from '@hono/zod-openapi';
import { listIncidentDeliveries } from '../../broadcast/outbox/list-deliveries';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { IncidentDeliveryListSchema, IncidentDeliveryQuerySchema, IncidentIdParamSchema, deliveryListJson, xThreadJson } from './schema';

const route = createRoute({
  method: 'get',
  path: '/incidents/{id}/deliveries',
  tags: ['Deliveries'],
  summary: 'An incident’s deliveries, counts by state and its X thread',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { params: IncidentIdParamSchema, query: IncidentDeliveryQuerySchema },
  responses: {
    200: { description: 'One page of the incident’s deliveries, the counts and the X thread.', content: { 'application/json': { schema: IncidentDeliveryListSchema } } },
    ...problemResponses(400, 401, 404),
  },
});

export function registerListIncidentDeliveries(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const listing = await listIncidentDeliveries(c.get('deps').db, id, query);
    return c.json({ ...deliveryListJson(listing, c.get('token').role), x_thread: listing.xThread.map(xThreadJson) }, 200);
  });
}
