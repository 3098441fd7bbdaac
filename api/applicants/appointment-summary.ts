import { asc, eq, sql } from 'drizzle-orm';
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

/** The appointment's own row with its office, as the summary and the lookup need it. */
export type AppointmentRecord = {
  email: string;
  fullName: string;
  language: AppointmentLanguage;
  service: AppointmentService;
  appointmentDate: string;
  status: string;
  officeCode: string;
  officeName: string | null;
  officeAddress: string | null;
};

type MoveRecord = { id: number; from: string; to: string; reason: string; at: string; incidentId: string | null; incidentName: string | null; newOfficeName: string | null };

/**
 * The two reads of every lookup, built once per database handle (drizzle's prepared queries):
 * building a select costs more than running it on an indexed row.
 */
function prepareReads(db: DatabaseOrTransaction) {
  const reference = sql.placeholder('reference');
  return {
    appointment: db
      .select({
        email: appointments.email,
        fullName: appointments.fullName,
        language: appointments.language,
        service: appointments.service,
        appointmentDate: appointments.appointmentDate,
        status: appointments.status,
        officeCode: appointments.officeCode,
        officeName: offices.name,
        officeAddress: offices.address,
      })
      .from(appointments)
      .leftJoin(offices, eq(offices.code, appointments.officeCode))
      .where(eq(appointments.reference, reference))
      .prepare(),
    moves: db
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
      .orderBy(asc(appointmentMoves.id))
      .prepare(),
  };
}

const preparedReads = new WeakMap<DatabaseOrTransaction, ReturnType<typeof prepareReads>>();

function readsFor(db: DatabaseOrTransaction): ReturnType<typeof prepareReads> {
  let reads = preparedReads.get(db);
  if (!reads) preparedReads.set(db, (reads = prepareReads(db)));
  return reads;
}

/** One indexed read: the appointment and its office. */
export async function readAppointmentRecord(db: DatabaseOrTransaction, reference: string): Promise<AppointmentRecord | null> {
  const [found] = await readsFor(db).appointment.all({ reference });
  return found ?? null;
}

/** Every move of the appointment, oldest first, with the incident that caused it and the office it went to. */
async function readMoves(db: DatabaseOrTransaction, reference: string): Promise<MoveRecord[]> {
  return readsFor(db).moves.all({ reference });
}

/** The summary of an appointment already read (the lookup reads it once to compare the email). */
export async function summariseAppointmentRecord(db: DatabaseOrTransaction, config: Config, reference: string, appointment: AppointmentRecord): Promise<AppointmentSummary> {
  const moves = await readMoves(db, reference);
  const latest = moves.at(-1);
  // The choice link names the latest move an outage made (not one the applicant chose).
  const incidentMove = [...moves].reverse().find((move) => move.incidentId !== null);
  const changesLeft = Math.max(0, maxApplicantChanges - moves.filter((move) => move.reason === applicantChoiceReason).length);
  const cancelled = appointment.status === 'cancelled';
  return {
    reference,
    firstName: firstName(appointment.fullName),
    language: appointment.language,
    service: appointment.service,
    date: appointment.appointmentDate,
    cancelled,
    office: { code: appointment.officeCode, name: appointment.officeName ?? appointment.officeCode, address: appointment.officeAddress ?? '' },
    bring: applicantEmailWording[appointment.language].bring[appointment.service],
    calendarUrl: latest && !cancelled ? calendarUrl(config, { reference, moveId: latest.id }) : null,
    chooseDateUrl: incidentMove && changesLeft > 0 && !cancelled ? chooseDateUrl(config, { reference, moveId: incidentMove.id }) : null,
    changesLeft,
    incidentId: incidentMove?.incidentId ?? null,
    moves: moves.map((move) => ({ from: move.from, to: move.to, incidentName: move.incidentName, byApplicant: move.reason === applicantChoiceReason, at: move.at, newOfficeName: move.newOfficeName })),
  };
}

export async function summariseAppointment(db: DatabaseOrTransaction, config: Config, reference: string): Promise<AppointmentSummary | null> {
  const appointment = await readAppointmentRecord(db, reference);
  return appointment ? summariseAppointmentRecord(db, config, reference, appointment) : null;
}
