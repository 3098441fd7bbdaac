import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { resetStaffTwoFactor } from '../../staff/reset-staff-sign-in';
import { userJson } from './json';
import { UserIdParamSchema, UserSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'delete',
  path: '/users/{id}/two-factor',
  tags: ['Users'],
  summary: 'Reset two-factor sign-in (a lost authenticator)',
  description: 'Forgets the account’s TOTP secret and ends its sessions; the person enrols again at the next sign-in.',
  request: { params: UserIdParamSchema },
  responses: {
    200: { description: 'The account.', content: { 'application/json': { schema: UserSchema } } },
    ...problemResponses(404),
  },
});

export function registerResetTwoFactor(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const account = await resetStaffTwoFactor(c.get('deps').db, c.req.valid('param').id, actionContext(c));
    return c.json(userJson(account), 200);
  });
}
