import { appointmentChangeJson } from '../../applicants/appointment-change-json';
import { listAppointmentChanges } from '../../applicants/list-appointment-changes';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { appointmentChangesCsv } from './changes-csv';
import { AppointmentChangeFeedSchema, ChangesQuerySchema, nextCursorHeader } from './changes-schema';

const route = staffRoute({
  roles: ['publisher', 'admin', 'integration'],
  method: 'get',
  path: '/appointments/changes',
  tags: ['Appointments'],
  summary: "Every appointment change since a cursor, for the booking system",
  description:
    `Each move Hali made (outage rescheduling, staff moves, applicants' own choices), oldest first, each exactly once across pages. Keep \`next\` and ask with \`after=<next>\` to get what changed since; it survives restarts. With \`Accept: text/csv\` the page is CSV (header \`reference,from,to,office,service,reason,incident_id,at\`, every cell quoted, formula-like cells prefixed with \`'\`) and the cursor is in the \`${nextCursorHeader}\` header.`,
  request: { query: ChangesQuerySchema },
  responses: {
    200: {
      description: 'The changes after the cursor, and the cursor for the next call.',
      headers: { [nextCursorHeader]: { schema: { type: 'string' }, description: 'The cursor for the next call (also `next` in JSON).' } },
      content: {
        'application/json': { schema: AppointmentChangeFeedSchema },
        'text/csv': { schema: { type: 'string' } },
      },
    },
    ...problemResponses(400),
  },
});

export function registerListAppointmentChanges(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const page = await listAppointmentChanges(c.get('deps').db, { after: query.after, limit: query.limit });
    c.header(nextCursorHeader, page.next);
    if (/\btext\/csv\b/i.test(c.req.header('Accept') ?? '')) {
      return c.body(appointmentChangesCsv(page.items), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
    }
    return c.json({ items: page.items.map(appointmentChangeJson), next: page.next }, 200);
  });
}
