import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { createOffice } from '../../offices/manage-offices';
import { officeJson } from './json';
import { CreateOfficeSchema, OfficeSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'post',
  path: '/offices',
  tags: ['Offices'],
  summary: 'Add an office',
  description: 'Weekends and Kenyan public holidays are closed unless a date override opens them.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateOfficeSchema } } } },
  responses: {
    201: { description: 'The office.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(400, 409),
  },
});

export function registerCreateOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { nearby_office: nearbyOffice, ...input } = c.req.valid('json');
    const office = await createOffice(c.get('deps').db, { ...input, nearbyOffice }, actionContext(c));
    return c.json(officeJson(office), 201);
  });
}
