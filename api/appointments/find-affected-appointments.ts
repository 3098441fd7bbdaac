import { sql, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import type { AppointmentService } from '../../db/schema/index';
import type { NairobiDay } from '../offices/nairobi-days';
import type { DisruptionScope } from './disruption-scope';

export type AffectedAppointment = {
  reference: string;
  service: AppointmentService;
  office: string;
  currentDate: NairobiDay;
  /** The date before this incident first moved it (its current date if it never did). */
  originalDate: NairobiDay;
};

const fieldCount = 5;
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Appointments dated inside the disruption window at a disrupted service/office, in the order
 * the rule serves them: original date, then reference. One query answering one JSON array,
 * whatever the count: decoding 100,000 driver rows costs more than the query itself.
 */
export async function findAffectedAppointments(db: DatabaseOrTransaction, scope: DisruptionScope): Promise<AffectedAppointment[]> {
  if (scope.targets.length === 0) return [];
  const matches: SQL[] = scope.targets.map((target) =>
    target.office === null ? sql`(a.service = ${target.service})` : sql`(a.service = ${target.service} AND a.office_code = ${target.office})`,
  );
  const beforeRestoration = scope.until ? sql`AND a.appointment_date < ${scope.until}` : sql``;
  const [{ affected }] = await db.all<{ affected: string | null }>(sql`
    SELECT json_group_array(json_array(reference, service, office_code, appointment_date, original_date)) AS affected
    FROM (
      SELECT a.reference, a.service, a.office_code, a.appointment_date, coalesce(first.from_date, a.appointment_date) AS original_date
      FROM appointments AS a
      LEFT JOIN (
        SELECT reference, from_date, min(id) FROM appointment_moves WHERE incident_id = ${scope.incident.id} GROUP BY reference
      ) AS first ON first.reference = a.reference
      WHERE a.status <> 'cancelled' AND a.appointment_date >= ${scope.from} ${beforeRestoration}
        AND (${sql.join(matches, sql` OR `)})
      ORDER BY original_date, a.reference
    )`);
  const rows = JSON.parse(affected ?? '[]') as string[][];
  const appointments = rows.map((row) => {
    if (row.length !== fieldCount) throw new Error('Unexpected affected-appointment row shape.');
    return { reference: row[0], service: row[1] as AppointmentService, office: row[2], currentDate: row[3], originalDate: row[4] };
  });
  // SQLite keeps the subquery's order, but the rule must not depend on that; sorting sorted input is linear.
  return appointments.sort((a, b) => compare(a.originalDate, b.originalDate) || compare(a.reference, b.reference));
}
