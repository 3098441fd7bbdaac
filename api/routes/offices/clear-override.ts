import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { clearOfficeOverride } from '../../offices/office-overrides';
import { OverrideParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'delete',
  path: '/offices/{code}/overrides/{date}/{service}',
  tags: ['Offices'],
  summary: 'Remove a date override',
  description: 'The day follows the weekly capacity and the weekend/holiday rule again.',
  request: { params: OverrideParamSchema },
  responses: {
    204: { description: 'Removed.' },
    ...problemResponses(400, 404),
  },
});

export function registerClearOfficeOverride(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    await clearOfficeOverride(c.get('deps').db, c.req.valid('param'), actionContext(c));
    return c.body(null, 204);
  });
}
