import { sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import type { AppointmentService } from '../../db/schema/index';
import type { NairobiDay } from './nairobi-days';

export const slotKey = (office: string, service: AppointmentService, day: NairobiDay) => `${office}|${service}|${day}`;

/**
 * Appointments already booked per office, service and day (cancelled ones free their place), in
 * one grouped query. `to` is inclusive; leave it out for everything from `from` on.
 */
export async function loadBookedCounts(
  db: DatabaseOrTransaction,
  range: { from: NairobiDay; to?: NairobiDay; offices?: string[] },
): Promise<Map<string, number>> {
  const officeFilter = range.offices
    ? sql`AND office_code IN (SELECT value FROM json_each(${JSON.stringify(range.offices)}))`
    : sql``;
  const toFilter = range.to ? sql`AND appointment_date <= ${range.to}` : sql``;
  const rows = await db.all<{ office_code: string; service: AppointmentService; appointment_date: string; booked: number }>(sql`
    SELECT office_code, service, appointment_date, count(*) AS booked
    FROM appointments
    WHERE status <> 'cancelled' AND appointment_date >= ${range.from} ${toFilter} ${officeFilter}
    GROUP BY office_code, service, appointment_date`);
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(slotKey(row.office_code, row.service, row.appointment_date), Number(row.booked));
  return counts;
}
