import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { listIncidents } from '../../incidents/read-incidents';
import { incidentJson } from './json';
import { IncidentListSchema, ListIncidentsQuerySchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/incidents',
  tags: ['Incidents'],
  summary: 'List incidents, drafts included, newest first',
  description: 'Filter by `state` (draft, open, closed, pending) and `kind`; page with `limit` and `offset`.',
  request: { query: ListIncidentsQuerySchema },
  responses: {
    200: { description: 'One page of incidents.', content: { 'application/json': { schema: IncidentListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListIncidents(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listIncidents(c.get('deps').db, query);
    return c.json(listJson(items.map(incidentJson), total, query), 200);
  });
}
