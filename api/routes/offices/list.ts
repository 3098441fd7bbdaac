import { createRoute, z } from '@hono/zod-openapi';
import { anyStaff } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { listOffices } from '../../offices/manage-offices';
import { OfficeSchema } from './schema';

const route = createRoute({
  method: 'get',
  path: '/offices',
  tags: ['Offices'],
  summary: 'List offices with their capacity and date overrides',
  description: 'Any staff role.',
  security: [{ bearer: [] }],
  middleware: [anyStaff] as const,
  responses: {
    200: { description: 'Every office.', content: { 'application/json': { schema: z.array(OfficeSchema) } } },
    ...problemResponses(401),
  },
});

export function registerListOffices(app: OpenApiRouter): void {
  app.openapi(route, async (c) => c.json(await listOffices(c.get('deps').db), 200));
}
