import { createComponent } from '../../components/save-component';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { componentInput, componentJson } from './json';
import { ComponentSchema, CreateComponentSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/components',
  tags: ['Components'],
  summary: 'Add a component (a public service)',
  description: 'Components are public at once. `service` and `office` link it to the appointments its outages move.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateComponentSchema } } } },
  responses: {
    201: { description: 'The component.', content: { 'application/json': { schema: ComponentSchema } } },
    ...problemResponses(400),
  },
});

export function registerCreateComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { db, siteBuilds } = c.get('deps');
    const component = await createComponent(db, { ...componentInput(body), name: body.name }, actionContext(c));
    siteBuilds.schedule(`component ${component.id} added`);
    return c.json(componentJson(component), 201);
  });
}
