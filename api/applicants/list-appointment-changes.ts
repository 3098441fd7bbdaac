import { and, asc, eq, gt, lte, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { appointmentMoves, appointments, type AppointmentService } from '../../db/schema/index';
import { decodeChangeCursor, encodeChangeCursor } from './change-cursor';

/**
 * One change for the booking system: the appointment moved from one day to another, and why;
 * `office` is where it is after the change, `fromOffice` where it was (they differ only when the
 * applicant chose a nearby office).
 */
export type AppointmentChange = {
  reference: string;
  from: string;
  to: string;
  office: string;
  fromOffice: string;
  service: AppointmentService;
  reason: string;
  incidentId: string | null;
  at: string;
};

export type AppointmentChangePage = { items: AppointmentChange[]; next: string };

export const maxChangesPerPage = 5_000;

/**
 * Every move after the cursor, oldest first (by move id), at most `limit`. `next` is the cursor
 * to ask with next time: after the last item, or the same place when nothing is new, so a poller
 * can always keep the last `next` it got (also across restarts: it is only a move id).
 */
export async function listAppointmentChanges(db: DatabaseOrTransaction, request: { after?: string; limit: number; throughMoveId?: number }): Promise<AppointmentChangePage> {
  const afterId = decodeChangeCursor(request.after);
  const rows = await db
    .select({
      id: appointmentMoves.id,
      reference: appointmentMoves.reference,
      from: appointmentMoves.fromDate,
      to: appointmentMoves.toDate,
      // Moves written before offices were recorded on them never changed the office.
      office: sql<string>`coalesce(${appointmentMoves.toOffice}, ${appointments.officeCode})`,
      fromOffice: sql<string>`coalesce(${appointmentMoves.fromOffice}, ${appointments.officeCode})`,
      service: appointments.service,
      reason: appointmentMoves.reason,
      incidentId: appointmentMoves.incidentId,
      at: appointmentMoves.at,
    })
    .from(appointmentMoves)
    .innerJoin(appointments, eq(appointments.reference, appointmentMoves.reference))
    .where(and(gt(appointmentMoves.id, afterId), request.throughMoveId === undefined ? undefined : lte(appointmentMoves.id, request.throughMoveId)))
    .orderBy(asc(appointmentMoves.id))
    .limit(Math.min(request.limit, maxChangesPerPage));
  const last = rows.at(-1);
  return { items: rows.map(({ id: _id, ...change }) => change), next: encodeChangeCursor(last ? last.id : afterId) };
}
