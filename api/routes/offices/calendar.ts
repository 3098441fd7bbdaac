import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { listOfficeDays } from '../../offices/office-days';
import { CalendarQuerySchema, CalendarSchema, OfficeCodeParamSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/offices/{code}/calendar',
  tags: ['Offices'],
  summary: 'Open days, capacity and appointments booked, day by day',
  description: 'Any staff role (counts only, no names). At most 366 days per request.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { params: OfficeCodeParamSchema, query: CalendarQuerySchema },
  responses: {
    200: { description: 'One entry per day from `from` to `to`.', content: { 'application/json': { schema: CalendarSchema } } },
    ...problemResponses(400, 401, 404),
  },
});

export function registerOfficeCalendar(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { code } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    return c.json({ office: code, days: await listOfficeDays(c.get('deps').db, code, from, to) }, 200);
  });
}
