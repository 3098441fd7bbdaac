import { z } from '@hono/zod-openapi';
import { appointmentServices } from '../../../db/schema/constants';

export const AffectedParamSchema = z.object({
  id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: 'p31zjtct2jer' }),
});

export const AffectedQuerySchema = z.object({
  preview: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'preview', in: 'query' }, description: 'true: add the reschedule preview (first and last new date per office and service, waits over 21 days).' }),
  limit: z.coerce.number().int().min(1).max(5000).default(1000).openapi({ param: { name: 'limit', in: 'query' }, description: 'Items per page (counts always cover everyone).' }),
  offset: z.coerce.number().int().min(0).default(0).openapi({ param: { name: 'offset', in: 'query' } }),
});

const PreviewSchema = z.object({
  expectedRestoration: z.string().nullable(),
  affected: z.number().int(),
  offices: z.array(z.object({ office: z.string(), service: z.string(), count: z.number().int(), firstNewDate: z.string().nullable(), lastNewDate: z.string().nullable() })),
  waitingOver21Days: z.number().int(),
  unplaced: z.number().int(),
});

export const AffectedSchema = z
  .object({
    incident_id: z.string(),
    expected_restoration: z.string().nullable(),
    uses_pending_update: z.boolean(),
    counts: z.object({
      total: z.number().int(),
      moved: z.number().int(),
      to_move: z.number().int(),
      waiting: z.number().int(),
      by_office_service: z.array(z.object({ office: z.string(), service: z.enum(appointmentServices), count: z.number().int() })),
      by_original_day: z.array(z.object({ date: z.string(), count: z.number().int() })),
    }),
    items: z
      .array(
        z.object({
          reference: z.string(),
          service: z.enum(appointmentServices),
          office: z.string(),
          original_date: z.string(),
          new_date: z.string().nullable(),
          state: z.enum(['moved', 'to_move', 'waiting']),
        }),
      )
      .optional()
      .openapi({ description: 'Publishers and admins only; one page, in order of original date then reference (counts.total is the whole).' }),
    limit: z.number().int().optional(),
    offset: z.number().int().optional(),
    preview: PreviewSchema.optional(),
  })
  .openapi('AffectedAppointments');
