import type { z } from '@hono/zod-openapi';
import type { AuditLogRow } from '../../../db/schema/index';
import type { AuditQuery } from '../../audit/list-audit-entries';
import type { AuditEntrySchema, ListAuditQuerySchema } from './schema';

/** An audit entry on the wire (snake_case). */
export function auditEntryJson(entry: AuditLogRow): z.infer<typeof AuditEntrySchema> {
  return {
    id: entry.id,
    at: entry.at,
    token_id: entry.tokenId,
    action: entry.action,
    target_type: entry.targetType,
    target_id: entry.targetId,
    detail: entry.detail,
  };
}

/** The query string as the domain's filter and page. */
export function auditQuery(query: z.infer<typeof ListAuditQuerySchema>): AuditQuery {
  return { targetType: query.target_type, targetId: query.target_id, action: query.action, limit: query.limit, offset: query.offset };
}
