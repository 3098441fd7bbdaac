import { asc, desc, eq, isNotNull, and, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { appointmentMoves, appointments, incidents, offices, type AppointmentLanguage, type AppointmentService } from '../../db/schema/index';
import { calendarUrl } from '../broadcast/messages/applicant-email-payloads';
import { applicantEmailWording } from '../broadcast/messages/applicant-email-wording';
import { chooseDateUrl } from '../broadcast/messages/choose-date-token';
import type { Config } from '../config';
import { applicantChoiceReason, maxApplicantChanges } from './applicant-choice';

/** `newOfficeName`: the office it moved to, when the move changed the office (a nearby office chosen). */
export type AppointmentMoveSummary = { from: string; to: string; incidentName: string | null; byApplicant: boolean; at: string; newOfficeName: string | null };

/**
 * What an applicant may see of their own appointment: the first name only (enough to know it is
 * theirs, not enough to tell a stranger who it belongs to), never the email or the full name.
 */
export type AppointmentSummary = {
  reference: string;
  firstName: string;
  language: AppointmentLanguage;
  service: AppointmentService;
  date: string;
  cancelled: boolean;
  office: { code: string; name: string; address: string };
  bring: string[];
  /** Null until Hali has moved it (the calendar link names a move). */
  calendarUrl: string | null;
  /** Null when there is no incident move to choose from, or the changes allowed are used up. */
  chooseDateUrl: string | null;
  changesLeft: number;
  /** The incident of the latest move an outage made, for the staff counts. */
  incidentId: string | null;
  moves: AppointmentMoveSummary[];
};

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/u)[0] ?? '';
}

export async function summariseAppointment(db: DatabaseOrTransaction, config: Config, reference: string): Promise<AppointmentSummary | null> {
  const [found] = await db
    .select({ appointment: appointments, office: { name: offices.name, address: offices.address } })
    .from(appointments)
    .leftJoin(offices, eq(offices.code, appointments.officeCode))
    .where(eq(appointments.reference, reference));
  if (!found) return null;
  const { appointment, office } = found;
  const moves = await db
    .select({
      id: appointmentMoves.id,
      from: appointmentMoves.fromDate,
      to: appointmentMoves.toDate,
      reason: appointmentMoves.reason,
      at: appointmentMoves.at,
      incidentId: appointmentMoves.incidentId,
      incidentName: incidents.name,
      newOfficeName: sql<string | null>`CASE WHEN ${appointmentMoves.toOffice} <> ${appointmentMoves.fromOffice}
        THEN coalesce((SELECT o.name FROM offices AS o WHERE o.code = ${appointmentMoves.toOffice}), ${appointmentMoves.toOffice}) END`,
    })
    .from(appointmentMoves)
    .leftJoin(incidents, eq(incidents.id, appointmentMoves.incidentId))
    .where(eq(appointmentMoves.reference, reference))
    .orderBy(asc(appointmentMoves.id));
  const [incidentMove] = await db
    .select({ id: appointmentMoves.id, incidentId: appointmentMoves.incidentId })
    .from(appointmentMoves)
    .where(and(eq(appointmentMoves.reference, reference), isNotNull(appointmentMoves.incidentId)))
    .orderBy(desc(appointmentMoves.id))
    .limit(1);
  const latest = moves.at(-1);
  const changesLeft = Math.max(0, maxApplicantChanges - moves.filter((move) => move.reason === applicantChoiceReason).length);
  const cancelled = appointment.status === 'cancelled';
  return {
    reference,
    firstName: firstName(appointment.fullName),
    language: appointment.language,
    service: appointment.service,
    date: appointment.appointmentDate,
    cancelled,
    office: { code: appointment.officeCode, name: office?.name ?? appointment.officeCode, address: office?.address ?? '' },
    bring: applicantEmailWording[appointment.language].bring[appointment.service],
    calendarUrl: latest && !cancelled ? calendarUrl(config, { reference, moveId: latest.id }) : null,
    chooseDateUrl: incidentMove && changesLeft > 0 && !cancelled ? chooseDateUrl(config, { reference, moveId: incidentMove.id }) : null,
    changesLeft,
    incidentId: incidentMove?.incidentId ?? null,
    moves: moves.map((move) => ({ from: move.from, to: move.to, incidentName: move.incidentName, byApplicant: move.reason === applicantChoiceReason, at: move.at, newOfficeName: move.newOfficeName })),
  };
}
