import { listComponents } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson, PagingQuerySchema } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentJson } from './json';
import { ComponentListSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/components',
  tags: ['Components'],
  summary: 'List components in page order',
  request: { query: PagingQuerySchema },
  responses: {
    200: { description: 'One page of components.', content: { 'application/json': { schema: ComponentListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListComponents(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const paging = c.req.valid('query');
    const { items, total } = await listComponents(c.get('deps').db, paging);
    return c.json(listJson(items.map(componentJson), total, paging), 200);
  });
}
