import { sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import type { ValidAppointmentRow } from './appointment-csv-row';

/**
 * Inserts or updates a batch of imported appointments in two set-based statements; answers how
 * many were new. Re-importing a reference updates it, never duplicates it. For an appointment
 * Hali has already moved, the booking system usually still sends its original date: when the
 * row's date, office and service equal those before the first move, the moved date stays (and
 * its history). Any other date is a rebooking in the source system and wins; the status goes
 * back to booked, the move history stays.
 */
export async function upsertAppointments(tx: Transaction, rows: ValidAppointmentRow[], at: string): Promise<{ inserted: number }> {
  if (rows.length === 0) return { inserted: 0 };
  const batch = JSON.stringify(rows.map((row) => [row.reference, row.fullName, row.email, row.language, row.service, row.office, row.date]));
  const [{ existing }] = await tx.all<{ existing: number }>(sql`
    SELECT count(*) AS existing FROM appointments WHERE reference IN (SELECT json_extract(value, '$[0]') FROM json_each(${batch}))`);
  // A rebooking in the source system makes Hali's unsent "new date" email wrong: it is superseded
  // (an email already claimed may have gone out and stays).
  await tx.run(sql`
    UPDATE deliveries SET state = 'superseded', updated_at = ${at}
    WHERE channel = 'applicant_email' AND state = 'pending' AND batch_id IS NULL AND recipient IN (
      SELECT a.reference FROM json_each(${batch}) AS j JOIN appointments AS a ON a.reference = json_extract(j.value, '$[0]')
      WHERE json_extract(j.value, '$[5]') IS NOT a.office_code OR json_extract(j.value, '$[4]') IS NOT a.service
        OR json_extract(j.value, '$[6]') NOT IN (a.appointment_date,
          coalesce((SELECT m.from_date FROM appointment_moves AS m WHERE m.reference = a.reference ORDER BY m.id LIMIT 1), a.appointment_date)))`);
  const sameBookingAsBeforeMoves = sql`(
    excluded.office_code = appointments.office_code AND excluded.service = appointments.service
    AND excluded.appointment_date = (SELECT m.from_date FROM appointment_moves AS m WHERE m.reference = appointments.reference ORDER BY m.id LIMIT 1))`;
  await tx.run(sql`
    INSERT INTO appointments (reference, full_name, email, language, service, office_code, appointment_date, status, created_at, updated_at)
    SELECT json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'), json_extract(j.value, '$[3]'),
      json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'), json_extract(j.value, '$[6]'), 'booked', ${at}, ${at}
    FROM json_each(${batch}) AS j WHERE true
    ON CONFLICT (reference) DO UPDATE SET
      full_name = excluded.full_name,
      email = excluded.email,
      language = excluded.language,
      status = CASE
        WHEN ${sameBookingAsBeforeMoves} THEN appointments.status
        WHEN excluded.appointment_date = appointments.appointment_date AND excluded.office_code = appointments.office_code
          AND excluded.service = appointments.service THEN appointments.status
        ELSE 'booked' END,
      appointment_date = CASE WHEN ${sameBookingAsBeforeMoves} THEN appointments.appointment_date ELSE excluded.appointment_date END,
      service = excluded.service,
      office_code = excluded.office_code,
      updated_at = excluded.updated_at`);
  return { inserted: rows.length - Number(existing) };
}
