import { loadComponent } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentJson } from './json';
import { ComponentIdParamSchema, ComponentSchema } from './schema';

const route = staffRoute({
  roles: ['drafter', 'publisher', 'admin'],
  method: 'get',
  path: '/components/{id}',
  tags: ['Components'],
  summary: 'Get a component',
    request: { params: ComponentIdParamSchema },
  responses: {
    200: { description: 'The component.', content: { 'application/json': { schema: ComponentSchema } } },
    ...problemResponses(404),
  },
});

export function registerGetComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(componentJson(await loadComponent(c.get('deps').db, id)), 200);
  });
}
