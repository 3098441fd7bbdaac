import { z } from '@hono/zod-openapi';
import { appointmentServices } from '../../../../db/schema/constants';
import { listSchema, PagingQuerySchema } from '../../../http/paging';
import { ReschedulePreviewSchema } from '../preview/schema';

export const AffectedQuerySchema = PagingQuerySchema.extend({
  preview: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'preview', in: 'query' }, description: 'true: add the reschedule preview (first and last new date per office and service, waits over 21 days).' }),
});

export const AffectedAppointmentSchema = z
  .object({
    reference: z.string(),
    service: z.enum(appointmentServices),
    office: z.string(),
    original_date: z.string(),
    new_date: z.string().nullable().openapi({ description: 'Null while it waits: restoration unknown, or no free day within a year.' }),
    state: z.enum(['moved', 'to_move', 'waiting']).openapi({ description: 'moved: already moved by this incident; to_move: publishing would move it; waiting: cannot be moved yet.' }),
  })
  .openapi('AffectedAppointment');

/**
 * The list envelope `{items, total, limit, offset}` of the affected appointments, beside the
 * counts that cover everyone. Drafters see the counts only: for them `items` is empty and `total` 0.
 */
export const AffectedSchema = z
  .object({
    incident_id: z.string(),
    expected_restoration: z.string().nullable(),
    uses_pending_update: z.boolean().openapi({ description: 'True when a draft or approved update’s components and restoration were used.' }),
    counts: z.object({
      total: z.number().int(),
      moved: z.number().int(),
      to_move: z.number().int(),
      waiting: z.number().int(),
      by_office_service: z.array(z.object({ office: z.string(), service: z.enum(appointmentServices), count: z.number().int() })),
      by_original_day: z.array(z.object({ date: z.string(), count: z.number().int() })),
    }),
    ...listSchema(AffectedAppointmentSchema, 'AffectedAppointmentPage').shape,
    preview: ReschedulePreviewSchema.optional().openapi({ description: 'With preview=true: the same reschedule preview as GET /incidents/{id}/preview.' }),
  })
  .openapi('AffectedAppointments', {
    description:
      'Counts cover everyone; `items` is one page of the appointments (in order of original date then reference) for publishers and admins, and empty with `total` 0 for drafters.',
  });
