import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { deleteOffice } from '../../offices/manage-offices';
import { OfficeCodeParamSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'delete',
  path: '/offices/{code}',
  tags: ['Offices'],
  summary: 'Remove an office',
  description: 'Refused (409) while appointments are booked there.',
  request: { params: OfficeCodeParamSchema },
  responses: {
    204: { description: 'Removed, with its overrides.' },
    ...problemResponses(404, 409),
  },
});

export function registerDeleteOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    await deleteOffice(c.get('deps').db, c.req.valid('param').code, actionContext(c));
    return c.body(null, 204);
  });
}
