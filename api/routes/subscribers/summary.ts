import type { OpenApiRouter } from '../../http/openapi-app';
import { staffRoute } from '../../http/staff-route';
import { countSubscribers } from '../../subscribers/read-subscribers';
import { subscriberSummaryJson } from './json';
import { SubscriberSummarySchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'get',
  path: '/subscribers/summary',
  tags: ['Subscribers'],
  summary: 'How many people subscribed by email',
  description: 'Counts only: no addresses (admins list them with GET /subscribers).',
  responses: { 200: { description: 'Counts by state and language.', content: { 'application/json': { schema: SubscriberSummarySchema } } } },
});

export function registerSubscriberSummary(app: OpenApiRouter): void {
  app.openapi(route, async (c) => c.json(subscriberSummaryJson(await countSubscribers(c.get('deps').db)), 200));
}
