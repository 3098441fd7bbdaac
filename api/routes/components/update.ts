import { updateComponent } from '../../components/save-component';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentInput, componentJson } from './json';
import { ComponentIdParamSchema, ComponentSchema, EditComponentSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'patch',
  path: '/components/{id}',
  tags: ['Components'],
  summary: 'Change a component (its status is public at once)',
  description: 'Only the fields sent change.',
  request: { params: ComponentIdParamSchema, body: { required: true, content: { 'application/json': { schema: EditComponentSchema } } } },
  responses: {
    200: { description: 'The component.', content: { 'application/json': { schema: ComponentSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerUpdateComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, siteBuilds } = c.get('deps');
    const component = await updateComponent(db, id, componentInput(body), actionContext(c));
    siteBuilds.schedule(`component ${id} changed`);
    return c.json(componentJson(component), 200);
  });
}
