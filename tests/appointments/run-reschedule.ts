import { systemActor } from '../../api/auth/actor';
import { asc, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appointments, incidents } from '../../db/schema/index';
import { rescheduleAffectedAppointments } from '../../api/appointments/reschedule-affected-appointments';

// Before every restoration day in the hand-checked calendars: new dates are never in the past.
export const publishTime = new Date('2026-05-20T07:00:00.000Z');

/** Runs the rule the way publishUpdate does: inside one transaction. */
export function runReschedule(db: Database, incidentId: string) {
  return db.transaction((tx) => rescheduleAffectedAppointments(tx, incidentId, { now: publishTime, actor: systemActor }));
}

/** Restoration slips (or comes earlier) the way a published update would set it, then the rule runs. */
export async function setRestoration(db: Database, incidentId: string, expectedRestoration: string) {
  await db.update(incidents).set({ expectedRestoration }).where(eq(incidents.id, incidentId));
  return runReschedule(db, incidentId);
}

export async function datesByReference(db: Database): Promise<Record<string, string>> {
  const rows = await db.select({ reference: appointments.reference, date: appointments.appointmentDate }).from(appointments).orderBy(asc(appointments.reference));
  return Object.fromEntries(rows.map((row) => [row.reference, row.date]));
}
