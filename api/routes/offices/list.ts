import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson, PagingQuerySchema } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { listOffices } from '../../offices/manage-offices';
import { officeJson } from './json';
import { OfficeListSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/offices',
  tags: ['Offices'],
  summary: 'List offices with their capacity and date overrides',
  description: 'By office code.',
  request: { query: PagingQuerySchema },
  responses: {
    200: { description: 'One page of offices.', content: { 'application/json': { schema: OfficeListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListOffices(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const paging = c.req.valid('query');
    const { items, total } = await listOffices(c.get('deps').db, paging);
    return c.json(listJson(items.map(officeJson), total, paging), 200);
  });
}
