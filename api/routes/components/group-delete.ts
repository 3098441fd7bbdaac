import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import { deleteComponentGroup } from '../../components/delete-component-group';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { ComponentIdParamSchema } from './schema';

const route = createRoute({
  method: 'delete',
  path: '/component-groups/{id}',
  tags: ['Components'],
  summary: 'Remove a component group',
  description: 'Publisher or admin. Its components stay on the page, ungrouped.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: ComponentIdParamSchema },
  responses: {
    204: { description: 'Removed.' },
    ...problemResponses(401, 403, 404),
  },
});

export function registerDeleteComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, now, siteBuilds } = c.get('deps');
    await deleteComponentGroup(db, id, { now: now(), tokenId: c.get('token').id });
    siteBuilds.schedule(`component group ${id} removed`);
    return c.body(null, 204);
  });
}
