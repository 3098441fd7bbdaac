import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { deleteIncident } from '../../incidents/delete-incident';
import { IdParamSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'delete',
  path: '/incidents/{id}',
  tags: ['Incidents'],
  summary: 'Delete an incident that was never published',
  description: 'A published incident stays on the public record (409); publish a resolving update instead.',
  request: { params: IdParamSchema },
  responses: {
    204: { description: 'Deleted, with its draft updates.' },
    ...problemResponses(404, 409),
  },
});

export function registerDeleteIncident(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db } = c.get('deps');
    await deleteIncident(db, id, actionContext(c));
    return c.body(null, 204);
  });
}
