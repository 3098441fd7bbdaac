import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { getOffice } from '../../offices/manage-offices';
import { officeJson } from './json';
import { OfficeCodeParamSchema, OfficeSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/offices/{code}',
  tags: ['Offices'],
  summary: 'Get an office',
  request: { params: OfficeCodeParamSchema },
  responses: {
    200: { description: 'The office.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(404),
  },
});

export function registerGetOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => c.json(officeJson(await getOffice(c.get('deps').db, c.req.valid('param').code)), 200));
}
