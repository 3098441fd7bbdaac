import { and, eq, ne } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import { appointments, type AppointmentRow } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { conflict, notFound } from '../domain-errors';
import { nairobiDay, type NairobiDay } from '../offices/nairobi-days';
import { loadOfficeCapacity } from '../offices/office-capacity';
import { disruptionOn, loadOpenDisruptions } from './open-disruptions';
import { getAppointment } from './read-appointments';
import type { AppointmentView } from './appointment-view';
import { writeMoves } from './write-moves';

const closedBecause = { weekend: 'it is a weekend', holiday: 'it is a public holiday', override: 'an override closes it', weekday: 'it has no capacity that weekday' } as const;

/**
 * A staff decision: moves one appointment to `date` at its own office, if that day is open and
 * has a free place for its service. Recorded as a move (no incident) with the reason, and the
 * applicant gets one email about it, queued in the same transaction.
 */
export async function moveAppointmentByHand(
  db: Database,
  reference: string,
  request: { date: NairobiDay; reason: string },
  context: ActionContext,
): Promise<AppointmentView> {
  await db.transaction(async (tx) => {
    const [appointment] = await tx.select().from(appointments).where(eq(appointments.reference, reference));
    if (!appointment) throw notFound('appointment', reference);
    if (appointment.status === 'cancelled') throw conflict('This appointment is cancelled; it cannot be moved.');
    if (appointment.appointmentDate === request.date) throw conflict(`The appointment is already on ${request.date}.`);
    if (request.date < nairobiDay(context.now)) throw conflict(`${request.date} is in the past; choose today or a later day.`);
    await assertNotDisrupted(tx, appointment, request.date, context.now);
    const officeCapacity = await loadOfficeCapacity(tx, [appointment.officeCode]);
    const day = officeCapacity.dayCapacity(appointment.officeCode, appointment.service, request.date);
    if (day.capacity === 0) {
      throw conflict(`Office ${appointment.officeCode} is closed for ${appointment.service} on ${request.date} (${closedBecause[day.source]}); choose an open day (GET /offices/${appointment.officeCode}/calendar).`);
    }
    const booked = await tx.$count(
      appointments,
      and(
        eq(appointments.officeCode, appointment.officeCode),
        eq(appointments.service, appointment.service),
        eq(appointments.appointmentDate, request.date),
        ne(appointments.status, 'cancelled'),
      ),
    );
    if (booked >= day.capacity) {
      throw conflict(`${request.date} is full at office ${appointment.officeCode} for ${appointment.service} (${booked} of ${day.capacity} places booked); choose another day.`);
    }
    await writeMoves(tx, [{ reference, toDate: request.date }], { incidentId: null, reason: request.reason, movedBy: context.actor.userId, now: context.now });
    await recordAudit(tx, {
      actor: context.actor,
      action: 'appointment.move',
      targetType: 'appointment',
      targetId: reference,
      detail: { from: appointment.appointmentDate, to: request.date, reason: request.reason },
    });
  });
  return getAppointment(db, reference);
}

/** A day inside an open incident's window is closed for the services it disrupts, whatever the office's capacity says. */
async function assertNotDisrupted(tx: Transaction, appointment: AppointmentRow, date: NairobiDay, now: Date): Promise<void> {
  const scope = disruptionOn(await loadOpenDisruptions(tx, { now }), appointment.officeCode, appointment.service, date);
  if (scope) {
    const until = scope.until ? `until ${scope.until}` : 'with no restoration date yet';
    throw conflict(`Office ${appointment.officeCode} cannot serve ${appointment.service} on ${date}: "${scope.incident.name}" disrupts it from ${scope.from} ${until}.`);
  }
}
