import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { appointmentMoves, appointments, type AppointmentService } from '../../db/schema/index';
import { notFound } from '../domain-errors';
import { toAppointmentView, type AppointmentView } from './appointment-view';

export type AppointmentFilters = {
  office?: string;
  service?: AppointmentService;
  appointmentDate?: string;
  /** Appointments this incident has moved. */
  incidentId?: string;
  limit: number;
  offset: number;
};

function conditions(filters: AppointmentFilters): SQL | undefined {
  const parts: SQL[] = [];
  if (filters.office) parts.push(eq(appointments.officeCode, filters.office));
  if (filters.service) parts.push(eq(appointments.service, filters.service));
  if (filters.appointmentDate) parts.push(eq(appointments.appointmentDate, filters.appointmentDate));
  if (filters.incidentId) {
    parts.push(sql`${appointments.reference} IN (SELECT reference FROM appointment_moves WHERE incident_id = ${filters.incidentId})`);
  }
  return parts.length ? and(...parts) : undefined;
}

/** How many appointments match: all a drafter may see (counts, never names). */
export async function countAppointments(db: Database, filters: AppointmentFilters): Promise<number> {
  return db.$count(appointments, conditions(filters));
}

/** One page of matching appointments with their move history, by date then reference. */
export async function listAppointments(db: Database, filters: AppointmentFilters): Promise<{ items: AppointmentView[]; total: number }> {
  const where = conditions(filters);
  const rows = await db
    .select()
    .from(appointments)
    .where(where)
    .orderBy(asc(appointments.appointmentDate), asc(appointments.reference))
    .limit(filters.limit)
    .offset(filters.offset);
  const moves = rows.length
    ? await db.select().from(appointmentMoves).where(inArray(appointmentMoves.reference, rows.map((row) => row.reference)))
    : [];
  return { items: rows.map((row) => toAppointmentView(row, moves)), total: await db.$count(appointments, where) };
}

export async function getAppointment(db: Database, reference: string): Promise<AppointmentView> {
  const [row] = await db.select().from(appointments).where(eq(appointments.reference, reference));
  if (!row) throw notFound('appointment', reference);
  const moves = await db.select().from(appointmentMoves).where(eq(appointmentMoves.reference, reference));
  return toAppointmentView(row, moves);
}
