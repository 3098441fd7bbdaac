import { listDeliveries } from '../../broadcast/outbox/list-deliveries';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { deliveryFilter, deliveryListJson } from './json';
import { DeliveryListSchema, DeliveryQuerySchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/deliveries',
  tags: ['Deliveries'],
  summary: 'List deliveries (the outbox and ledger) with counts by state',
  description:
    'Every message Hali sends or would send (`dry_run`): X posts and applicant emails, oldest first. Filter by `incident_id`, `state`, `channel`. Beside the page, `counts` gives the deliveries per state for the incident/channel filters, across all states. Applicants’ addresses are shown to publishers and admins only.',
  request: { query: DeliveryQuerySchema },
  responses: {
    200: { description: 'One page of deliveries and the counts by state.', content: { 'application/json': { schema: DeliveryListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListDeliveries(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const listing = await listDeliveries(c.get('deps').db, deliveryFilter(query));
    return c.json(deliveryListJson(listing, query, actionContext(c).actor.role), 200);
  });
}
