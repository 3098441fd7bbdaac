import { listIncidentDeliveries } from '../../../broadcast/outbox/list-deliveries';
import { actionContext } from '../../../http/action-context';
import type { OpenApiRouter } from '../../../http/openapi-app';
import { problemResponses } from '../../../http/problem-schema';
import { staffRoute } from '../../../http/staff-route';
import { IdParamSchema } from '../schema';
import { incidentDeliveryListJson } from './json';
import { IncidentDeliveryListSchema, IncidentDeliveryQuerySchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/incidents/{id}/deliveries',
  tags: ['Deliveries'],
  summary: 'An incident’s deliveries, counts by state and its X thread',
  description:
    'Oldest first; filter by `state` and `channel`. Beside the page, `counts` gives the deliveries per state (for the channel filter, across all states) and `x_thread` the X posts in thread order. Applicants’ addresses are shown to publishers and admins only.',
  request: { params: IdParamSchema, query: IncidentDeliveryQuerySchema },
  responses: {
    200: { description: 'One page of the incident’s deliveries, the counts and the X thread.', content: { 'application/json': { schema: IncidentDeliveryListSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerListIncidentDeliveries(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const query = c.req.valid('query');
    const listing = await listIncidentDeliveries(c.get('deps').db, id, query);
    return c.json(incidentDeliveryListJson(listing, query, actionContext(c).actor.role), 200);
  });
}
