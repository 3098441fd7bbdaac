import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import { loadComponentGroup } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentGroupJson } from './component-json';
import { ComponentGroupSchema, ComponentIdParamSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/component-groups/{id}',
  tags: ['Components'],
  summary: 'Get a component group',
  description: 'Any staff role.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { params: ComponentIdParamSchema },
  responses: {
    200: { description: 'The group.', content: { 'application/json': { schema: ComponentGroupSchema } } },
    ...problemResponses(401, 404),
  },
});

export function registerGetComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    return c.json(componentGroupJson(await loadComponentGroup(c.get('deps').db, id)), 200);
  });
}
