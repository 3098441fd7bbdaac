import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import { updateComponent } from '../../components/save-component';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentInput, componentJson } from './component-json';
import { ComponentIdParamSchema, ComponentSchema, EditComponentSchema } from './schema';

const route = createRoute({
  method: 'patch',
  path: '/components/{id}',
  tags: ['Components'],
  summary: 'Change a component (its status is public at once)',
  description: 'Publisher or admin. Only the fields sent change.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: ComponentIdParamSchema, body: { required: true, content: { 'application/json': { schema: EditComponentSchema } } } },
  responses: {
    200: { description: 'The component.', content: { 'application/json': { schema: ComponentSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerUpdateComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, now, siteBuilds } = c.get('deps');
    const component = await updateComponent(db, id, componentInput(body), { now: now(), tokenId: c.get('token').id });
    siteBuilds.schedule(`component ${id} changed`);
    return c.json(componentJson(component), 200);
  });
}
