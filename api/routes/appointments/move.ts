import { moveAppointmentByHand } from '../../appointments/move-appointment-by-hand';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { appointmentJson } from './json';
import { AppointmentSchema, MoveBodySchema, ReferenceParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/appointments/{reference}/move',
  tags: ['Appointments'],
  summary: 'Move one appointment by hand',
  description:
    'The day must be open at the appointment’s office, outside any open incident’s disruption window, with a free place for its service (409 otherwise). Recorded as a move with your reason; the applicant is emailed once.',
  request: { params: ReferenceParamSchema, body: { required: true, content: { 'application/json': { schema: MoveBodySchema } } } },
  responses: {
    200: { description: 'The appointment with its new date and history.', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses(400, 404, 409),
  },
});

export function registerMoveAppointment(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const moved = await moveAppointmentByHand(c.get('deps').db, c.req.valid('param').reference, c.req.valid('json'), actionContext(c));
    return c.json(appointmentJson(moved), 200);
  });
}
