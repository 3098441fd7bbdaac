import { getAppointment } from '../../appointments/read-appointments';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { appointmentJson } from './json';
import { AppointmentSchema, ReferenceParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'get',
  path: '/appointments/{reference}',
  tags: ['Appointments'],
  summary: 'Get an appointment with its move history',
  description: 'It holds a name and an email.',
  request: { params: ReferenceParamSchema },
  responses: {
    200: { description: 'The appointment.', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses(404),
  },
});

export function registerGetAppointment(app: OpenApiRouter): void {
  app.openapi(route, async (c) => c.json(appointmentJson(await getAppointment(c.get('deps').db, c.req.valid('param').reference)), 200));
}
