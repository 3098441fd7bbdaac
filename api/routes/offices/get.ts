import { createRoute } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { getOffice } from '../../offices/manage-offices';
import { OfficeCodeParamSchema, OfficeSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/offices/{code}',
  tags: ['Offices'],
  summary: 'Get an office',
  description: 'Any staff role.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  request: { params: OfficeCodeParamSchema },
  responses: {
    200: { description: 'The office.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(401, 404),
  },
});

export function registerGetOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => c.json(await getOffice(c.get('deps').db, c.req.valid('param').code), 200));
}
