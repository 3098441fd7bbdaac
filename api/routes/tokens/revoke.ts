import { createRoute } from '@hono/zod-openapi';
import { admins } from '../../auth/require-role';
import { revokeToken } from '../../auth/manage-tokens';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { TokenIdParamSchema } from './schema';

const route = createRoute({
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['Tokens'],
  summary: 'Revoke an API token',
  description: 'Admin only. The token stops working at once (401). The last active admin token cannot be revoked (409).',
  security: [{ bearer: [] }],
  middleware: [admins] as const,
  request: { params: TokenIdParamSchema },
  responses: {
    204: { description: 'Revoked.' },
    ...problemResponses(401, 403, 404, 409),
  },
});

export function registerRevokeToken(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    const { db, now } = c.get('deps');
    await revokeToken(db, id, { now: now(), tokenId: c.get('token').id });
    return c.body(null, 204);
  });
}
