import { createRoute } from '@hono/zod-openapi';
import { admins } from '../../auth/require-role';
import { listTokens } from '../../auth/manage-tokens';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { TokenListSchema, tokenJson } from './schema';

const route = createRoute({
  method: 'get',
  path: '/tokens',
  tags: ['Tokens'],
  summary: 'List API tokens (never their secrets)',
  description: 'Admin only. Newest first, revoked ones included with `revoked_at`.',
  security: [{ bearer: [] }],
  middleware: [admins] as const,
  responses: {
    200: { description: 'Every token.', content: { 'application/json': { schema: TokenListSchema } } },
    ...problemResponses(401, 403),
  },
});

export function registerListTokens(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const tokens = await listTokens(c.get('deps').db);
    return c.json({ items: tokens.map(tokenJson) }, 200);
  });
}
