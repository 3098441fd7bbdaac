import { countAppointments, listAppointments } from '../../appointments/read-appointments';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { appointmentFilters, appointmentJson } from './json';
import { AppointmentListSchema, ListQuerySchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/appointments',
  tags: ['Appointments'],
  summary: 'List appointments (filter by office, service, appointment date or incident)',
  description:
    'By appointment date, then reference. Appointments hold names and emails, so drafters get the count in `total` and `items` empty; publishers and admins get the page.',
  request: { query: ListQuerySchema },
  responses: {
    200: { description: 'One page of the matching appointments.', content: { 'application/json': { schema: AppointmentListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListAppointments(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const filters = appointmentFilters(query);
    const { db } = c.get('deps');
    if (actionContext(c).actor.role === 'drafter') return c.json(listJson([], await countAppointments(db, filters), query), 200);
    const { items, total } = await listAppointments(db, filters);
    return c.json(listJson(items.map(appointmentJson), total, query), 200);
  });
}
