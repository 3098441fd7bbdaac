import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { setOfficeOverride } from '../../offices/office-overrides';
import { officeJson } from './json';
import { OfficeSchema, OverrideBodySchema, OverrideParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'put',
  path: '/offices/{code}/overrides/{date}/{service}',
  tags: ['Offices'],
  summary: 'Set one day’s capacity for one service (a closure or a surge day)',
  description: 'Capacity 0 closes the day; a positive capacity opens it, even on a weekend or a public holiday. Idempotent.',
  request: { params: OverrideParamSchema, body: { required: true, content: { 'application/json': { schema: OverrideBodySchema } } } },
  responses: {
    200: { description: 'The office with its overrides.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerSetOfficeOverride(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const office = await setOfficeOverride(c.get('deps').db, c.req.valid('param'), c.req.valid('json'), actionContext(c));
    return c.json(officeJson(office), 200);
  });
}
