import { listComponentGroups } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson, PagingQuerySchema } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentGroupJson } from './json';
import { ComponentGroupListSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/component-groups',
  tags: ['Components'],
  summary: 'List component groups in page order',
  description: 'Each group lists its members’ ids in page order.',
  request: { query: PagingQuerySchema },
  responses: {
    200: { description: 'One page of groups.', content: { 'application/json': { schema: ComponentGroupListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListComponentGroups(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const paging = c.req.valid('query');
    const { items, total } = await listComponentGroups(c.get('deps').db, paging);
    return c.json(listJson(items.map(componentGroupJson), total, paging), 200);
  });
}
