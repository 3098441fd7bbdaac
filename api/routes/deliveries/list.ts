import { createRoute } from '@hono/zod-openapi';
import { listDeliveries } from '../../broadcast/outbox/list-deliveries';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { DeliveryListSchema, DeliveryQuerySchema, deliveryListJson } from './schema';

const route = createRoute({
  method: 'get',
  path: '/deliveries',
  tags: ['Deliveries'],
  summary: 'List deliveries (the outbox and ledger) with counts by state',
  description:
    'Every message Hali sends or would send (`dry_run`): X posts and applicant emails, oldest first. Filter by `incident_id`, `state`, `channel`. `counts` covers the incident/channel filter across all states.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { query: DeliveryQuerySchema },
  responses: {
    200: { description: 'One page of deliveries and the counts by state.', content: { 'application/json': { schema: DeliveryListSchema } } },
    ...problemResponses(400, 401),
  },
});

export function registerListDeliveries(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const listing = await listDeliveries(c.get('deps').db, {
      incidentId: query.incident_id,
      state: query.state,
      channel: query.channel,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json(deliveryListJson(listing, c.get('token').role), 200);
  });
}
