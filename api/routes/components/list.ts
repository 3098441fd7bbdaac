import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import { listComponents } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentJson } from './component-json';
import { ComponentListSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/components',
  tags: ['Components'],
  summary: 'List components in page order',
  description: 'Any staff role.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  responses: {
    200: { description: 'Every component.', content: { 'application/json': { schema: ComponentListSchema } } },
    ...problemResponses(401),
  },
});

export function registerListComponents(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const components = await listComponents(c.get('deps').db);
    return c.json({ items: components.map(componentJson) }, 200);
  });
}
