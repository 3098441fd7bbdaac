import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { passwordLinkUrl } from '../../staff/console-links';
import { createStaffAccount } from '../../staff/create-staff-account';
import { userJson } from './json';
import { CreatedUserSchema, CreateUserSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'post',
  path: '/users',
  tags: ['Users'],
  summary: 'Create a staff account',
  description:
    'A person who signs in to the console at /console and owns API tokens. Without `password` the answer carries a one-time `password_link`; send it to the person, who chooses their own password.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateUserSchema } } } },
  responses: {
    201: { description: 'The account (and, once only, its set-password link).', content: { 'application/json': { schema: CreatedUserSchema } } },
    ...problemResponses(400, 409),
  },
});

export function registerCreateUser(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { account, passwordLinkToken } = await createStaffAccount(c.get('deps').db, body, actionContext(c));
    const link = passwordLinkToken ? passwordLinkUrl(c.get('deps').config.publicUrl, passwordLinkToken) : null;
    return c.json({ ...userJson(account), password_link: link }, 201);
  });
}
