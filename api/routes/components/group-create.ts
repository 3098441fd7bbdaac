import { createComponentGroup } from '../../components/save-component-group';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentGroupInput, componentGroupJson } from './json';
import { ComponentGroupSchema, CreateComponentGroupSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/component-groups',
  tags: ['Components'],
  summary: 'Add a component group',
  description: '`components` (ids) moves those components into the group.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateComponentGroupSchema } } } },
  responses: {
    201: { description: 'The group.', content: { 'application/json': { schema: ComponentGroupSchema } } },
    ...problemResponses(400),
  },
});

export function registerCreateComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { db, siteBuilds } = c.get('deps');
    const group = await createComponentGroup(db, { ...componentGroupInput(body), name: body.name }, actionContext(c));
    siteBuilds.schedule(`component group ${group.id} added`);
    return c.json(componentGroupJson(group), 201);
  });
}
