import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { listOfficeDays } from '../../offices/office-days';
import { officeDayJson } from './json';
import { CalendarQuerySchema, CalendarSchema, OfficeCodeParamSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/offices/{code}/calendar',
  tags: ['Offices'],
  summary: 'Open days, capacity and appointments booked, day by day',
  description: 'Counts only, no names. At most 366 days per request.',
  request: { params: OfficeCodeParamSchema, query: CalendarQuerySchema },
  responses: {
    200: { description: 'One entry per day from `from` to `to`.', content: { 'application/json': { schema: CalendarSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerOfficeCalendar(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { code } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    const days = await listOfficeDays(c.get('deps').db, code, from, to);
    return c.json({ office: code, days: days.map(officeDayJson) }, 200);
  });
}
