import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { clearOfficeOverride } from '../../offices/office-overrides';
import { OfficeSchema, OverrideParamSchema } from './schema';

const route = createRoute({
  method: 'delete',
  path: '/offices/{code}/overrides/{date}/{service}',
  tags: ['Offices'],
  summary: 'Remove a date override',
  description: 'Publisher or admin. The day follows the weekly capacity and the weekend/holiday rule again.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: OverrideParamSchema },
  responses: {
    200: { description: 'The office with its remaining overrides.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(401, 403, 404),
  },
});

export function registerClearOfficeOverride(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const office = await clearOfficeOverride(c.get('deps').db, c.req.valid('param'), { tokenId: c.get('token').id });
    return c.json(office, 200);
  });
}
