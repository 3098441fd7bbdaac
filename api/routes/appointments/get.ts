import { createRoute } from '@hono/zod-openapi';
import { getAppointment } from '../../appointments/read-appointments';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { AppointmentSchema, ReferenceParamSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/appointments/{reference}',
  tags: ['Appointments'],
  summary: 'Get an appointment with its move history',
  description: 'Publisher or admin (it holds a name and an email).',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: ReferenceParamSchema },
  responses: {
    200: { description: 'The appointment.', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

export function registerGetAppointment(app: OpenApiRouter): void {
  app.openapi(route, async (c) => c.json(await getAppointment(c.get('deps').db, c.req.valid('param').reference), 200));
}
