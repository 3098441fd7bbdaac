import { z } from '@hono/zod-openapi';
import { listSchema, PagingQuerySchema } from '../../http/paging';

export const ListAuditQuerySchema = PagingQuerySchema.extend({
  target_type: z.string().optional().openapi({ description: 'e.g. incident, incident_update, component, api_token' }),
  target_id: z.string().optional(),
  action: z.string().optional().openapi({ description: 'e.g. update.publish, token.revoke' }),
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

export const AuditListSchema = listSchema(AuditEntrySchema, 'AuditList');
