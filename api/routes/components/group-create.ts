import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import { createComponentGroup } from '../../components/save-component-group';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentGroupJson } from './component-json';
import { ComponentGroupSchema, CreateComponentGroupSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/component-groups',
  tags: ['Components'],
  summary: 'Add a component group',
  description: 'Publisher or admin. `components` (ids) moves those components into the group.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CreateComponentGroupSchema } } } },
  responses: {
    201: { description: 'The group.', content: { 'application/json': { schema: ComponentGroupSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export function registerCreateComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { db, now, siteBuilds } = c.get('deps');
    const group = await createComponentGroup(
      db,
      { name: body.name, description: body.description, position: body.position, componentIds: body.components },
      { now: now(), tokenId: c.get('token').id },
    );
    siteBuilds.schedule(`component group ${group.id} added`);
    return c.json(componentGroupJson(group), 201);
  });
}
