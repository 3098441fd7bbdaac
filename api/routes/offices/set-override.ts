import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { setOfficeOverride } from '../../offices/office-overrides';
import { OfficeSchema, OverrideBodySchema, OverrideParamSchema } from './schema';

const route = createRoute({
  method: 'put',
  path: '/offices/{code}/overrides/{date}/{service}',
  tags: ['Offices'],
  summary: 'Set one day’s capacity for one service (a closure or a surge day)',
  description: 'Publisher or admin. Capacity 0 closes the day; a positive capacity opens it, even on a weekend or a public holiday. Idempotent.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: OverrideParamSchema, body: { required: true, content: { 'application/json': { schema: OverrideBodySchema } } } },
  responses: {
    200: { description: 'The office with its overrides.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerSetOfficeOverride(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const office = await setOfficeOverride(c.get('deps').db, c.req.valid('param'), c.req.valid('json'), { tokenId: c.get('token').id });
    return c.json(office, 200);
  });
}
