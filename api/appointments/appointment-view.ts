import type { AppointmentMoveRow, AppointmentRow } from '../../db/schema/index';

/** An appointment with its move history, oldest move first. Personal data: publishers and admins only. */
export type AppointmentView = {
  reference: string;
  fullName: string;
  email: string;
  language: AppointmentRow['language'];
  service: AppointmentRow['service'];
  office: string;
  appointmentDate: string;
  status: AppointmentRow['status'];
  /** `movedBy`: the staff account that decided it (null: a script). */
  moves: { from: string; to: string; incidentId: string | null; at: string; reason: string; movedBy: string | null }[];
};

export function toAppointmentView(row: AppointmentRow, moves: AppointmentMoveRow[]): AppointmentView {
  return {
    reference: row.reference,
    fullName: row.fullName,
    email: row.email,
    language: row.language,
    service: row.service,
    office: row.officeCode,
    appointmentDate: row.appointmentDate,
    status: row.status,
    moves: moves
      .filter((move) => move.reference === row.reference)
      .sort((a, b) => a.id - b.id)
      .map((move) => ({ from: move.fromDate, to: move.toDate, incidentId: move.incidentId, at: move.at, reason: move.reason, movedBy: move.movedBy })),
  };
}
