import { and, eq, ne } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { applicantActions, appointmentMoves, appointments } from '../../db/schema/index';
import { writeMoves } from '../appointments/write-moves';
import { recordAudit } from '../audit/record-audit';
import type { Actor } from '../auth/actor';
import { isNairobiDay, type NairobiDay } from '../offices/nairobi-days';
import { applicantChoiceReason, maxApplicantChanges } from './applicant-choice';
import { firstChoosableDay, listAllChoosableDays, loadChoiceCapacity, loadNearbyOffice, type ChoosableDays } from './choosable-days';
import type { ChoiceLink } from './open-choice-link';

/**
 * The applicant is no staff member and has no token: the audit entry names no person, and its
 * detail says the applicant chose. The role is the least one there is; nothing reads it.
 */
const applicantActor: Actor = { userId: null, tokenId: null, role: 'integration' };

/** A day, at the appointment's own office unless `office` names its nearby office. */
export type ApplicantChoice = { date: string; office?: string };

export type ChoiceOutcome =
  | { kind: 'moved'; from: NairobiDay; to: NairobiDay; officeChanged: boolean }
  | { kind: 'unchanged' }
  /** The day filled (or closed) before this choice reached it: here are the days still free. */
  | { kind: 'day_full'; days: ChoosableDays }
  | { kind: 'refused'; because: 'no_changes_left' | 'not_offered' | 'cancelled' };

type Decision = ChoiceOutcome | { kind: 'full'; officeCode: string; service: 'application' | 'collection'; currentDate: string };

/**
 * Re-books the appointment on `date` in one transaction that reads the day's capacity and what is
 * booked there at that moment (transactions take turns, db/in-process-turns.ts, and SQLite has one
 * writer), so racing applicants never overfill a day. Recorded as a move with reason "applicant's
 * choice" (which queues exactly one confirmation email through the outbox, write-moves.ts),
 * audited, and counted for the incident's staff view. The old place is freed by the move itself.
 */
export async function chooseAnotherDate(db: Database, link: ChoiceLink, choice: ApplicantChoice, now: Date): Promise<ChoiceOutcome> {
  const { date } = choice;
  const decision = await db.transaction(async (tx): Promise<Decision> => {
    const [appointment] = await tx.select().from(appointments).where(eq(appointments.reference, link.reference));
    if (!appointment || appointment.status === 'cancelled') return { kind: 'refused', because: 'cancelled' };
    const office = choice.office ?? appointment.officeCode;
    if (date === appointment.appointmentDate && office === appointment.officeCode) return { kind: 'unchanged' };
    if (!isNairobiDay(date) || date < firstChoosableDay(now)) return { kind: 'refused', because: 'not_offered' };
    // Another office only where the department allows it for this one.
    if (office !== appointment.officeCode && (await loadNearbyOffice(tx, appointment.officeCode))?.code !== office) return { kind: 'refused', because: 'not_offered' };
    const changes = await tx.$count(appointmentMoves, and(eq(appointmentMoves.reference, link.reference), eq(appointmentMoves.reason, applicantChoiceReason)));
    if (changes >= maxApplicantChanges) return { kind: 'refused', because: 'no_changes_left' };
    const capacity = (await loadChoiceCapacity(tx, office, now)).capacityOn(office, appointment.service, date);
    const booked = await tx.$count(
      appointments,
      and(eq(appointments.officeCode, office), eq(appointments.service, appointment.service), eq(appointments.appointmentDate, date), ne(appointments.status, 'cancelled')),
    );
    if (booked >= capacity) return { kind: 'full', officeCode: appointment.officeCode, service: appointment.service, currentDate: appointment.appointmentDate };
    const officeChanged = office !== appointment.officeCode;
    await writeMoves(tx, [{ reference: link.reference, toDate: date, ...(officeChanged && { toOffice: office }) }], { incidentId: null, reason: applicantChoiceReason, movedBy: null, now });
    await recordAudit(tx, {
      actor: applicantActor,
      action: 'appointment.applicant_choice',
      targetType: 'appointment',
      targetId: link.reference,
      detail: {
        by: 'applicant',
        from: appointment.appointmentDate,
        to: date,
        incident_id: link.incidentId,
        ...(officeChanged && { from_office: appointment.officeCode, to_office: office }),
      },
    });
    if (link.incidentId) {
      await tx.insert(applicantActions).values({ incidentId: link.incidentId, reference: link.reference, action: 'chose_date', chosenDate: date, at: now.toISOString() });
    }
    return { kind: 'moved', from: appointment.appointmentDate, to: date, officeChanged };
  });
  if (decision.kind !== 'full') return decision;
  // Outside the transaction: the fresh list is for reading, and the write lock is already released.
  return { kind: 'day_full', days: await listAllChoosableDays(db, decision, now) };
}
