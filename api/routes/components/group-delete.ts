import { deleteComponentGroup } from '../../components/delete-component-group';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { ComponentIdParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'delete',
  path: '/component-groups/{id}',
  tags: ['Components'],
  summary: 'Remove a component group',
  description: 'Its components stay on the page, ungrouped.',
  request: { params: ComponentIdParamSchema },
  responses: {
    204: { description: 'Removed.' },
    ...problemResponses(404),
  },
});

export function registerDeleteComponentGroup(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, siteBuilds } = c.get('deps');
    await deleteComponentGroup(db, id, actionContext(c));
    siteBuilds.schedule(`component group ${id} removed`);
    return c.body(null, 204);
  });
}
