import { deleteComponent } from '../../components/delete-component';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { ComponentIdParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'delete',
  path: '/components/{id}',
  tags: ['Components'],
  summary: 'Remove a component from the page',
  description: 'Incidents that named it stay; a pending update that still names it must be edited before it can be published.',
  request: { params: ComponentIdParamSchema },
  responses: {
    204: { description: 'Removed.' },
    ...problemResponses(404),
  },
});

export function registerDeleteComponent(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, siteBuilds } = c.get('deps');
    await deleteComponent(db, id, actionContext(c));
    siteBuilds.schedule(`component ${id} removed`);
    return c.body(null, 204);
  });
}
