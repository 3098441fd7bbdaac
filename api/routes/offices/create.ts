import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { createOffice } from '../../offices/manage-offices';
import { CreateOfficeSchema, OfficeSchema } from './schema';

const route = createRoute({
  method: 'post',
  path: '/offices',
  tags: ['Offices'],
  summary: 'Add an office',
  description: 'Publisher or admin. Weekends and Kenyan public holidays are closed unless a date override opens them.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CreateOfficeSchema } } } },
  responses: {
    201: { description: 'The office.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(400, 401, 403, 409),
  },
});

export function registerCreateOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const office = await createOffice(c.get('deps').db, c.req.valid('json'), { tokenId: c.get('token').id });
    return c.json(office, 201);
  });
}
