import { updateComponentGroup } from '../../components/save-component-group';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentGroupInput, componentGroupJson } from './json';
import { ComponentGroupSchema, ComponentIdParamSchema, EditComponentGroupSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'patch',
  path: '/component-groups/{id}',
  tags: ['Components'],
  summary: 'Change a component group',
  description: '`components`, when sent, replaces the membership (components left out become ungrouped).',
  request: { params: ComponentIdParamSchema, body: { required: true, content: { 'application/json': { schema: EditComponentGroupSchema } } } },
  responses: {
    200: { description: 'The group.', content: { 'application/json': { schema: ComponentGroupSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerUpdateComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, siteBuilds } = c.get('deps');
    const group = await updateComponentGroup(db, id, componentGroupInput(body), actionContext(c));
    siteBuilds.schedule(`component group ${id} changed`);
    return c.json(componentGroupJson(group), 200);
  });
}
