import { createRoute } from '@hono/zod-openapi';
import { publishers } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { updateOffice } from '../../offices/manage-offices';
import { EditOfficeSchema, OfficeCodeParamSchema, OfficeSchema } from './schema';

const route = createRoute({
  method: 'patch',
  path: '/offices/{code}',
  tags: ['Offices'],
  summary: 'Change an office’s name, address or weekly capacity',
  description: 'Publisher or admin. Appointments already booked stay where they are; new capacity applies to future rescheduling.',
  security: [{ bearer: [] }],
  middleware: [publishers] as const,
  request: { params: OfficeCodeParamSchema, body: { required: true, content: { 'application/json': { schema: EditOfficeSchema } } } },
  responses: {
    200: { description: 'The office.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(400, 401, 403, 404),
  },
});

export function registerUpdateOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const office = await updateOffice(c.get('deps').db, c.req.valid('param').code, c.req.valid('json'), { tokenId: c.get('token').id });
    return c.json(office, 200);
  });
}
