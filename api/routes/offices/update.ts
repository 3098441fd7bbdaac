import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { updateOffice } from '../../offices/manage-offices';
import { officeJson } from './json';
import { EditOfficeSchema, OfficeCodeParamSchema, OfficeSchema } from './schema';

const route = staffRoute({
  roles: ['publisher', 'admin'],
  method: 'patch',
  path: '/offices/{code}',
  tags: ['Offices'],
  summary: 'Change an office’s name, address, nearby office or weekly capacity',
  description: 'Appointments already booked stay where they are; new capacity applies to future rescheduling.',
  request: { params: OfficeCodeParamSchema, body: { required: true, content: { 'application/json': { schema: EditOfficeSchema } } } },
  responses: {
    200: { description: 'The office.', content: { 'application/json': { schema: OfficeSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerUpdateOffice(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { nearby_office: nearbyOffice, ...changes } = c.req.valid('json');
    const office = await updateOffice(c.get('deps').db, c.req.valid('param').code, { ...changes, nearbyOffice }, actionContext(c));
    return c.json(officeJson(office), 200);
  });
}
