import { loadComponentGroup } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentGroupJson } from './json';
import { ComponentGroupSchema, ComponentIdParamSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/component-groups/{id}',
  tags: ['Components'],
  summary: 'Get a component group',
    request: { params: ComponentIdParamSchema },
  responses: {
    200: { description: 'The group.', content: { 'application/json': { schema: ComponentGroupSchema } } },
    ...problemResponses(404),
  },
});

export function registerGetComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(componentGroupJson(await loadComponentGroup(c.get('deps').db, id)), 200);
  });
}
