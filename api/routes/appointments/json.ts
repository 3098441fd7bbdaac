import type { z } from '@hono/zod-openapi';
import type { AppointmentView } from '../../appointments/appointment-view';
import type { AppointmentFilters } from '../../appointments/read-appointments';
import type { ImportResult } from '../../appointments/import-appointments';
import type { AppointmentSchema, ImportResultSchema, ListQuerySchema } from './schema';

/** An appointment on the wire (snake_case), with its moves oldest first. Personal data. */
export function appointmentJson(appointment: AppointmentView): z.infer<typeof AppointmentSchema> {
  return {
    reference: appointment.reference,
    full_name: appointment.fullName,
    email: appointment.email,
    language: appointment.language,
    service: appointment.service,
    office: appointment.office,
    appointment_date: appointment.appointmentDate,
    status: appointment.status,
    moves: appointment.moves.map((move) => ({ from: move.from, to: move.to, incident_id: move.incidentId, at: move.at, reason: move.reason })),
  };
}

/** The query string as the domain's filters and page. */
export function appointmentFilters(query: z.infer<typeof ListQuerySchema>): AppointmentFilters {
  return { office: query.office, service: query.service, appointmentDate: query.appointment_date, incidentId: query.incident_id, limit: query.limit, offset: query.offset };
}

/** The problems an import found: the first ones listed, all counted, and whether the list was cut. */
export function importProblemsJson(result: ImportResult) {
  return { errors: result.errors, error_count: result.errorCount, errors_truncated: result.errorCount > result.errors.length };
}

/** A committed import's counts and any rows it skipped. */
export function importResultJson(result: ImportResult): z.infer<typeof ImportResultSchema> {
  const { received, inserted, updated, skipped, rescheduled } = result;
  return { received, inserted, updated, skipped, rescheduled, ...importProblemsJson(result) };
}
