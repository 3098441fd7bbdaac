import { createRoute } from '@hono/zod-openapi';
import { moveAppointmentByHand } from '../../appointments/move-appointment-by-hand';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { AppointmentSchema, MoveBodySchema, ReferenceParamSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/appointments/{reference}/move',
  tags: ['Appointments'],
  summary: 'Move one appointment by hand',
  description:
    'Publisher or admin. The day must be open at the appointment’s office, outside any open incident’s disruption window, with a free place for its service (409 otherwise). Recorded as a move with your reason; the applicant is emailed once.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: ReferenceParamSchema, body: { required: true, content: { 'application/json': { schema: MoveBodySchema } } } },
  responses: {
    200: { description: 'The appointment with its new date and history.', content: { 'application/json': { schema: AppointmentSchema } } },
    ...problemResponses(400, 401, 403, 404, 409),
  },
});

export function registerMoveAppointment(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { db, now } = c.get('deps');
    const moved = await moveAppointmentByHand(db, c.req.valid('param').reference, c.req.valid('json'), { tokenId: c.get('token').id, now: now() });
    return c.json(moved, 200);
  });
}
