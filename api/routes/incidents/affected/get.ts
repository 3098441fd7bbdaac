import { affectedAppointments } from '../../../appointments/affected-appointments';
import { actionContext } from '../../../http/action-context';
import type { OpenApiRouter } from '../../../http/openapi-app';
import { problemResponses } from '../../../http/problem-schema';
import { staffRoute } from '../../../http/staff-route';
import { IdParamSchema } from '../schema';
import { affectedJson } from './json';
import { AffectedQuerySchema, AffectedSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/incidents/{id}/affected',
  tags: ['Incidents'],
  summary: 'Appointments the incident disrupts, and their new dates',
  description:
    'Counts cover everyone; the appointments themselves are a page (`items`, `total`, `limit`, `offset`) for publishers and admins only (drafters get `items: []` and `total: 0`). For an incident with a draft or approved update, shows what publishing it would do. Writes nothing.',
  request: { params: IdParamSchema, query: AffectedQuerySchema },
  responses: {
    200: { description: 'Counts, and a page of appointments for publishers and admins.', content: { 'application/json': { schema: AffectedSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerGetIncidentAffected(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { preview, ...paging } = c.req.valid('query');
    const { now, actor } = actionContext(c);
    // Items name applicants' references: publishers and admins only.
    const itemsVisible = actor.role !== 'drafter';
    const report = await affectedAppointments(c.get('deps').db, c.req.valid('param').id, {
      now,
      page: itemsVisible ? paging : null,
      includePreview: preview === 'true',
    });
    return c.json(affectedJson(report, paging, itemsVisible), 200);
  });
}
