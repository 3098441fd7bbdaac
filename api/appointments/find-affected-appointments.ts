import { sql, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import type { AppointmentService } from '../../db/schema/index';
import type { CalendarDay } from '../offices/calendar-days';
import type { DisruptionScope } from './disruption-scope';

export type AffectedAppointment = {
  reference: string;
  service: AppointmentService;
  office: string;
  currentDate: CalendarDay;
  /** The date before this incident first moved it (its current date if it never did). */
  originalDate: CalendarDay;
};

/**
 * Appointments dated inside the disruption window at a disrupted service/office, in the order
 * the rule serves them: original date, then reference. One query, whatever the count.
 */
export async function findAffectedAppointments(db: DatabaseOrTransaction, scope: DisruptionScope): Promise<AffectedAppointment[]> {
  if (scope.targets.length === 0) return [];
  const matches: SQL[] = scope.targets.map((target) =>
    target.office === null ? sql`(a.service = ${target.service})` : sql`(a.service = ${target.service} AND a.office_code = ${target.office})`,
  );
  const beforeRestoration = scope.until ? sql`AND a.appointment_date < ${scope.until}` : sql``;
  const rows = await db.all<{ reference: string; service: AppointmentService; office_code: string; appointment_date: string; original_date: string }>(sql`
    SELECT a.reference, a.service, a.office_code, a.appointment_date,
      coalesce(
        (SELECT m.from_date FROM appointment_moves m
          WHERE m.reference = a.reference AND m.incident_id = ${scope.incident.id} ORDER BY m.id LIMIT 1),
        a.appointment_date) AS original_date
    FROM appointments a
    WHERE a.status <> 'cancelled' AND a.appointment_date >= ${scope.from} ${beforeRestoration}
      AND (${sql.join(matches, sql` OR `)})
    ORDER BY original_date, a.reference`);
  return rows.map((row) => ({
    reference: row.reference,
    service: row.service,
    office: row.office_code,
    currentDate: row.appointment_date,
    originalDate: row.original_date,
  }));
}
