import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { getIncidentDetail } from '../../incidents/read-incidents';
import { incidentDetailJson } from './json';
import { IdParamSchema, IncidentDetailSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/incidents/{id}',
  tags: ['Incidents'],
  summary: 'Get an incident with every update',
  description: 'Updates come newest first, each with its state and who drafted, approved and published it.',
  request: { params: IdParamSchema },
  responses: {
    200: { description: 'The incident and its timeline.', content: { 'application/json': { schema: IncidentDetailSchema } } },
    ...problemResponses(404),
  },
});

export function registerGetIncident(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(incidentDetailJson(await getIncidentDetail(c.get('deps').db, id)), 200);
  });
}
