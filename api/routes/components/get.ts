import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import { loadComponent } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentJson } from './component-json';
import { ComponentIdParamSchema, ComponentSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/components/{id}',
  tags: ['Components'],
  summary: 'Get a component',
  description: 'Any staff role.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { params: ComponentIdParamSchema },
  responses: {
    200: { description: 'The component.', content: { 'application/json': { schema: ComponentSchema } } },
    ...problemResponses(401, 404),
  },
});

export function registerGetComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(componentJson(await loadComponent(c.get('deps').db, id)), 200);
  });
}
