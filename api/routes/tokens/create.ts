import { createRoute } from '@hono/zod-openapi';
import { admins } from '../../auth/require-role';
import { issueToken } from '../../auth/manage-tokens';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { CreateTokenSchema, CreatedTokenSchema, tokenJson } from './schema';

const route = createRoute({
  method: 'post',
  path: '/tokens',
  tags: ['Tokens'],
  summary: 'Issue an API token',
  description: 'Admin only. The secret is in `token` in this response and never again; only its hash is stored.',
  security: [{ bearer: [] }],
  middleware: [admins] as const,
  request: { body: { required: true, content: { 'application/json': { schema: CreateTokenSchema } } } },
  responses: {
    201: { description: 'The token and, once only, its secret.', content: { 'application/json': { schema: CreatedTokenSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export function registerCreateToken(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const body = c.req.valid('json');
    const { db, now } = c.get('deps');
    const { token, secret } = await issueToken(db, body, { now: now(), tokenId: c.get('token').id });
    // The secret must not linger in caches or proxies.
    c.header('Cache-Control', 'no-store');
    return c.json({ ...tokenJson(token), token: secret }, 201);
  });
}
