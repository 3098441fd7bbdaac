import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import { createComponent } from '../../components/save-component';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentInput, componentJson } from './component-json';
import { ComponentSchema, CreateComponentSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/components',
  tags: ['Components'],
  summary: 'Add a component (a public service)',
  description: 'Publisher or admin: components are public at once. `service` and `office` link it to the appointments its outages move.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CreateComponentSchema } } } },
  responses: {
    201: { description: 'The component.', content: { 'application/json': { schema: ComponentSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export function registerCreateComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { db, now, siteBuilds } = c.get('deps');
    const component = await createComponent(db, { ...componentInput(body), name: body.name }, { now: now(), tokenId: c.get('token').id });
    siteBuilds.schedule(`component ${component.id} added`);
    return c.json(componentJson(component), 201);
  });
}
