import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { updateStaffAccount } from '../../staff/update-staff-account';
import { userJson } from './json';
import { EditUserSchema, UserIdParamSchema, UserSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'patch',
  path: '/users/{id}',
  tags: ['Users'],
  summary: 'Change a staff account’s role, or disable or enable it',
  description:
    'Only the fields sent change. Disabling ends the account’s console sessions and stops its API tokens at once. A lower role revokes its tokens above that role. The last active admin cannot be disabled or demoted (409).',
  request: { params: UserIdParamSchema, body: { required: true, content: { 'application/json': { schema: EditUserSchema } } } },
  responses: {
    200: { description: 'The account.', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(400, 404, 409),
  },
});

export function registerUpdateUser(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const account = await updateStaffAccount(c.get('deps').db, c.req.valid('param').id, c.req.valid('json'), actionContext(c));
    return c.json(userJson(account), 200);
  });
}
