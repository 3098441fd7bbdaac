import { listTokens } from '../../auth/manage-tokens';
import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson, PagingQuerySchema } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { tokenJson } from './json';
import { TokenListSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'get',
  path: '/tokens',
  tags: ['Tokens'],
  summary: 'List API tokens (never their secrets)',
  description: 'Newest first, revoked ones included with `revoked_at`.',
  request: { query: PagingQuerySchema },
  responses: {
    200: { description: 'One page of tokens.', content: { 'application/json': { schema: TokenListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListTokens(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const paging = c.req.valid('query');
    const { items, total } = await listTokens(c.get('deps').db, paging);
    return c.json(listJson(items.map(tokenJson), total, paging), 200);
  });
}
