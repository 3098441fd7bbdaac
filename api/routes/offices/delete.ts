import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { deleteOffice } from '../../offices/manage-offices';
import { OfficeCodeParamSchema } from './schema';

const route = createRoute({
  method: 'delete',
  path: '/offices/{code}',
  tags: ['Offices'],
  summary: 'Remove an office',
  description: 'Publisher or admin. Refused (409) while appointments are booked there.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: OfficeCodeParamSchema },
  responses: {
    204: { description: 'Removed, with its overrides.' },
    ...problemResponses(401, 403, 404, 409),
  },
});

export function registerDeleteOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    await deleteOffice(c.get('deps').db, c.req.valid('param').code, { tokenId: c.get('token').id });
    return c.body(null, 204);
  });
}
