import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { passwordLinkUrl } from '../../staff/console-links';
import { issueStaffPasswordReset } from '../../staff/reset-staff-sign-in';
import { PasswordLinkSchema, UserIdParamSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'post',
  path: '/users/{id}/password-link',
  tags: ['Users'],
  summary: 'Issue a one-time set-password link (password reset)',
  description: 'Give the link to the person; setting a password through it ends every session of the account. Refused for a disabled account (409).',
  request: { params: UserIdParamSchema },
  responses: {
    201: { description: 'The link, shown only here.', content: { 'application/json': { schema: PasswordLinkSchema } } },
    ...problemResponses(404, 409),
  },
});

export function registerIssuePasswordLink(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { db, config } = c.get('deps');
    const token = await issueStaffPasswordReset(db, c.req.valid('param').id, actionContext(c));
    return c.json({ password_link: passwordLinkUrl(config.publicUrl, token) }, 201);
  });
}
