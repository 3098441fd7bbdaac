import { asc, count } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson, PagingQuerySchema } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { staffAccountView } from '../../staff/create-staff-account';
import { userJson } from './json';
import { UserListSchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'get',
  path: '/users',
  tags: ['Users'],
  summary: 'List staff accounts',
  description: 'By name.',
  request: { query: PagingQuerySchema },
  responses: {
    200: { description: 'One page of accounts.', content: { 'application/json': { schema: UserListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListUsers(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const paging = c.req.valid('query');
    const { db } = c.get('deps');
    const rows = await db.select().from(users).orderBy(asc(users.name), asc(users.id)).limit(paging.limit).offset(paging.offset);
    const [{ total }] = await db.select({ total: count() }).from(users);
    return c.json(listJson(rows.map((row) => userJson(staffAccountView(row))), total, paging), 200);
  });
}
