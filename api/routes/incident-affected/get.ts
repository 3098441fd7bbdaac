import { createRoute } from '@hono/zod-openapi';
import { affectedAppointments } from '../../appointments/affected-appointments';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { AffectedParamSchema, AffectedQuerySchema, AffectedSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/incidents/{id}/affected',
  tags: ['Incidents'],
  summary: 'Appointments the incident disrupts, and their new dates',
  description:
    'Any staff role; `items` only for publishers and admins (drafters see counts). For an incident with a draft or approved update, shows what publishing it would do. Writes nothing.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { params: AffectedParamSchema, query: AffectedQuerySchema },
  responses: {
    200: { description: 'Counts, and items for publishers and admins.', content: { 'application/json': { schema: AffectedSchema } } },
    ...problemResponses(401, 404),
  },
});

export function registerGetIncidentAffected(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { db, now } = c.get('deps');
    const query = c.req.valid('query');
    const report = await affectedAppointments(db, c.req.valid('param').id, {
      now: now(),
      items: c.get('token').role === 'drafter' ? null : { limit: query.limit, offset: query.offset },
      includePreview: query.preview === 'true',
    });
    return c.json(report, 200);
  });
}
