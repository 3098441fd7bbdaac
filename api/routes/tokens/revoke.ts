import { revokeToken } from '../../auth/manage-tokens';
import { actionContext } from '../../http/action-context';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { TokenIdParamSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'delete',
  path: '/tokens/{id}',
  tags: ['Tokens'],
  summary: 'Revoke an API token',
  description: 'The token stops working at once (401). The last active admin token cannot be revoked (409).',
  request: { params: TokenIdParamSchema },
  responses: {
    204: { description: 'Revoked.' },
    ...problemResponses(404, 409),
  },
});

export function registerRevokeToken(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const { id } = c.req.valid('param');
    await revokeToken(c.get('deps').db, id, actionContext(c));
    return c.body(null, 204);
  });
}
