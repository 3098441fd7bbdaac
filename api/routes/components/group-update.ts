import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import { updateComponentGroup } from '../../components/save-component-group';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentGroupJson } from './component-json';
import { ComponentGroupSchema, ComponentIdParamSchema, EditComponentGroupSchema } from './schema';

const route = createRoute({
  method: 'patch',
  path: '/component-groups/{id}',
  tags: ['Components'],
  summary: 'Change a component group',
  description: 'Publisher or admin. `components`, when sent, replaces the membership (components left out become ungrouped).',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: ComponentIdParamSchema, body: { required: true, content: { 'application/json': { schema: EditComponentGroupSchema } } } },
  responses: {
    200: { description: 'The group.', content: { 'application/json': { schema: ComponentGroupSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerUpdateComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, now, siteBuilds } = c.get('deps');
    const group = await updateComponentGroup(
      db,
      id,
      { name: body.name, description: body.description, position: body.position, componentIds: body.components },
      { now: now(), tokenId: c.get('token').id },
    );
    siteBuilds.schedule(`component group ${id} changed`);
    return c.json(componentGroupJson(group), 200);
  });
}
