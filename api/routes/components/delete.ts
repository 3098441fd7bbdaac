import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import { deleteComponent } from '../../components/delete-component';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { ComponentIdParamSchema } from './schema';

const route = createRoute({
  method: 'delete',
  path: '/components/{id}',
  tags: ['Components'],
  summary: 'Remove a component from the page',
  description: 'Publisher or admin. Incidents that named it stay; a pending update that still names it must be edited before it can be published.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: ComponentIdParamSchema },
  responses: {
    204: { description: 'Removed.' },
    ...problemResponses(401, 403, 404),
  },
});

export function registerDeleteComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, now, siteBuilds } = c.get('deps');
    await deleteComponent(db, id, { now: now(), tokenId: c.get('token').id });
    siteBuilds.schedule(`component ${id} removed`);
    return c.body(null, 204);
  });
}
