import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson, PagingQuerySchema } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { listSubscribers } from '../../subscribers/read-subscribers';
import { subscriberJson } from './json';
import { SubscriberListSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'get',
  path: '/subscribers',
  tags: ['Subscribers'],
  summary: 'List email subscribers with their addresses',
  description: 'Newest first. Addresses are personal data: only admins see them.',
  request: { query: PagingQuerySchema },
  responses: {
    200: { description: 'One page of subscribers.', content: { 'application/json': { schema: SubscriberListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListSubscribers(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const paging = c.req.valid('query');
    const { items, total } = await listSubscribers(c.get('deps').db, paging);
    return c.json(listJson(items.map(subscriberJson), total, paging), 200);
  });
}
