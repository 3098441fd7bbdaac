import { createRoute } from '@hono/zod-openapi';
import { listAuditEntries } from '../../audit/list-audit-entries';
import { admins } from '../../auth/require-role';
import type { OpenApiRouter } from '../../http/openapi-app';
import { problemResponses } from '../../http/problem-schema';
import { AuditListSchema, ListAuditQuerySchema, auditEntryJson } from './schema';

const route = createRoute({
  method: 'get',
  path: '/audit',
  tags: ['Audit'],
  summary: 'List the audit log, newest first',
  description: 'Admin only. Every write through the API, with the token that made it; four-eyes overrides carry their reason.',
  security: [{ bearer: [] }],
  middleware: [admins] as const,
  request: { query: ListAuditQuerySchema },
  responses: {
    200: { description: 'One page of entries.', content: { 'application/json': { schema: AuditListSchema } } },
    ...problemResponses(400, 401, 403),
  },
});

export function registerListAudit(app: OpenApiRouter): void {
  app.openapi(route, async (c) => {
    const query = c.req.valid('query');
    const { items, total } = await listAuditEntries(c.get('deps').db, {
      targetType: query.target_type,
      targetId: query.target_id,
      action: query.action,
      limit: query.limit,
      offset: query.offset,
    });
    return c.json({ items: items.map(auditEntryJson), total, limit: query.limit, offset: query.offset }, 200);
  });
}
