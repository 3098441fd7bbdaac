import { createRoute } from '@hono/zod-openapi';
import { countAppointments, listAppointments } from '../../appointments/read-appointments';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { AppointmentListSchema, ListQuerySchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/appointments',
  tags: ['Appointments'],
  summary: 'List appointments (filter by office, service, date or incident)',
  description: 'Publishers and admins get the appointments with names and emails; drafters get only `total`.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'The matching appointments, by date then reference.', content: { 'application/json': { schema: AppointmentListSchema } } },
    ...problemResponses(400, 401),
  },
});

export function registerListAppointments(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const filters = c.req.valid('query');
    const { db } = c.get('deps');
    if (c.get('token').role === 'drafter') return c.json({ total: await countAppointments(db, filters) }, 200);
    return c.json(await listAppointments(db, filters), 200);
  });
}
