import { issueToken } from '../../auth/manage-tokens';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { CreateTokenSchema, CreatedTokenSchema } from './schema';
import { tokenJson } from './json';

const route = staffRoute({
  roles: ['admin'],
  method: 'post',
  path: '/tokens',
  tags: ['Tokens'],
  summary: 'Issue an API token',
  description: 'The secret is in `token` in this response and never again; only its hash is stored.',
  request: { body: { required: true, content: { 'application/json': { schema: CreateTokenSchema } } } },
  responses: {
    201: { description: 'The token and, once only, its secret.', content: { 'application/json': { schema: CreatedTokenSchema } } },
    ...problemResponses(400, 404),
  },
});

export function registerCreateToken(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { token, secret } = await issueToken(c.get('deps').db, { name: body.name, role: body.role, userId: body.user_id ?? null }, actionContext(c));
    // The secret must not linger in caches or proxies.
    c.header('Cache-Control', 'no-store');
    return c.json({ ...tokenJson(token), token: secret }, 201);
  });
}
