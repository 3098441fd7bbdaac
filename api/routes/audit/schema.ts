import { z } from '@hono/zod-openapi';
import type { AuditLogRow } from '../../../db/schema/index';

export const ListAuditQuerySchema = z.object({
  target_type: z.string().optional().openapi({ description: 'e.g. incident, incident_update, component, api_token' }),
  target_id: z.string().optional(),
  action: z.string().optional().openapi({ description: 'e.g. update.publish, token.revoke' }),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).default(0),
});

export const AuditEntrySchema = z
  .object({
    id: z.number().int(),
    at: z.string(),
    token_id: z.string().nullable().openapi({ description: 'Who did it (null: a script such as the demo seed).' }),
    action: z.string().openapi({ example: 'update.publish' }),
    target_type: z.string(),
    target_id: z.string().nullable(),
    detail: z.record(z.string(), z.unknown()).nullable().openapi({ description: 'Ids, counts and reasons; never personal data.' }),
  })
  .openapi('AuditEntry');

export const AuditListSchema = z
  .object({ items: z.array(AuditEntrySchema), total: z.number().int(), limit: z.number().int(), offset: z.number().int() })
  .openapi('AuditList');

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
