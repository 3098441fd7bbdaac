import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { listIncidents } from '../../incidents/read-incidents';
import { incidentJson } from './incident-json';
import { IncidentListSchema, ListIncidentsQuerySchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/incidents',
  tags: ['Incidents'],
  summary: 'List incidents, drafts included, newest first',
  description: 'Any staff role. Page with `limit` (at most 200) and `offset`; `total` counts every match.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { query: ListIncidentsQuerySchema },
  responses: {
    200: { description: 'One page of incidents.', content: { 'application/json': { schema: IncidentListSchema } } },
    ...problemResponses(400, 401),
  },
});

export function registerListIncidents(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listIncidents(c.get('deps').db, query);
    return c.json({ items: items.map(incidentJson), total, limit: query.limit, offset: query.offset }, 200);
  });
}
