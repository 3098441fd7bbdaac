import { listAuditEntries } from '../../audit/list-audit-entries';
import type { OpenApiRouter } from '../../http/openapi-app';
import { listJson } from '../../http/paging';
import { problemResponses } from '../../http/problem-schema';
import { staffRoute } from '../../http/staff-route';
import { auditEntryJson, auditQuery } from './json';
import { AuditListSchema, ListAuditQuerySchema } from './schema';

const route = staffRoute({
  roles: ['admin'],
  method: 'get',
  path: '/audit',
  tags: ['Audit'],
  summary: 'List the audit log, newest first',
  description: 'Every write through the API, with the token that made it; four-eyes overrides carry their reason.',
  request: { query: ListAuditQuerySchema },
  responses: {
    200: { description: 'One page of entries.', content: { 'application/json': { schema: AuditListSchema } } },
    ...problemResponses(400),
  },
});

export function registerListAudit(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listAuditEntries(c.get('deps').db, auditQuery(query));
    return c.json(listJson(items.map(auditEntryJson), total, query), 200);
  });
}
