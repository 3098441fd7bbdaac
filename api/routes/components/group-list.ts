import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import { listComponentGroups } from '../../components/read-components';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { componentGroupJson } from './component-json';
import { ComponentGroupListSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/component-groups',
  tags: ['Components'],
  summary: 'List component groups in page order',
  description: 'Any staff role. Each group lists its members’ ids in page order.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  responses: {
    200: { description: 'Every group.', content: { 'application/json': { schema: ComponentGroupListSchema } } },
    ...problemResponses(401),
  },
});

export function registerListComponentGroups(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const groups = await listComponentGroups(c.get('deps').db);
    return c.json({ items: groups.map(componentGroupJson) }, 200);
  });
}
