import { z } from '@hono/zod-openapi';
import { appointmentLanguages, appointmentServices, appointmentStatuses } from '../../../db/schema/constants';
import { listSchema, PagingQuerySchema } from '../../http/paging';

export const ReferenceParamSchema = z.object({
  reference: z.string().openapi({ param: { name: 'reference', in: 'path' }, example: 'NYH-A-260601-007' }),
});

export const AppointmentSchema = z
  .object({
    reference: z.string(),
    full_name: z.string(),
    email: z.string(),
    language: z.enum(appointmentLanguages),
    service: z.enum(appointmentServices),
    office: z.string(),
    appointment_date: z.string(),
    status: z.enum(appointmentStatuses),
    moves: z.array(z.object({ from: z.string(), to: z.string(), incident_id: z.string().nullable(), at: z.string(), reason: z.string() })),
  })
  .openapi('Appointment');

export const ListQuerySchema = PagingQuerySchema.extend({
  office: z.string().optional().openapi({ param: { name: 'office', in: 'query' }, example: 'NYH' }),
  service: z.enum(appointmentServices).optional().openapi({ param: { name: 'service', in: 'query' } }),
  appointment_date: z.iso.date({ error: 'use a day like 2026-06-02' }).optional().openapi({ param: { name: 'appointment_date', in: 'query' } }),
  incident_id: z.string().optional().openapi({ param: { name: 'incident_id', in: 'query' }, description: 'Only appointments this incident moved.' }),
});

export const AppointmentListSchema = listSchema(AppointmentSchema, 'AppointmentList');

export const MoveBodySchema = z
  .object({
    date: z.iso.date({ error: 'use a real day like 2026-06-09' }),
    reason: z.string().trim().min(3, 'say why, in a few words').max(500),
  })
  .openapi('MoveAppointment');

export const ImportQuerySchema = z.object({
  skip_invalid: z
    .enum(['true', 'false'])
    .optional()
    .openapi({ param: { name: 'skip_invalid', in: 'query' }, description: 'true: import the good rows and report the others.' }),
});

const ImportErrorSchema = z.object({ line: z.number().int(), field: z.string(), message: z.string() });
const importProblemFields = {
  errors: z.array(ImportErrorSchema).openapi({ description: 'The first 1,000 problems, in line order.' }),
  error_count: z.number().int().openapi({ description: 'All problems found, listed or not.' }),
  errors_truncated: z.boolean().openapi({ description: 'True when `error_count` is more than `errors` lists.' }),
};

export const ImportResultSchema = z
  .object({
    received: z.number().int(),
    inserted: z.number().int(),
    updated: z.number().int(),
    skipped: z.number().int(),
    rescheduled: z.number().int().openapi({ description: 'Imported into an open incident’s window, so moved at once (each applicant is emailed).' }),
    ...importProblemFields,
  })
  .openapi('AppointmentImportResult');

export const ImportProblemSchema = z
  .object({
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    received: z.number().int(),
    ...importProblemFields,
  })
  .openapi('AppointmentImportProblem');
