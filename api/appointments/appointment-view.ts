import type { AppointmentMoveRow, AppointmentRow } from '../../db/schema/index';

/** The API's appointment shape (DESIGN.md contract). Personal data: publishers and admins only. */
export type AppointmentView = {
  reference: string;
  full_name: string;
  email: string;
  language: AppointmentRow['language'];
  service: AppointmentRow['service'];
  office: string;
  appointment_date: string;
  status: AppointmentRow['status'];
  moves: { from: string; to: string; incident_id: string | null; at: string; reason: string }[];
};

export function toAppointmentView(row: AppointmentRow, moves: AppointmentMoveRow[]): AppointmentView {
  return {
    reference: row.reference,
    full_name: row.fullName,
    email: row.email,
    language: row.language,
    service: row.service,
    office: row.officeCode,
    appointment_date: row.appointmentDate,
    status: row.status,
    moves: moves
      .filter((move) => move.reference === row.reference)
      .sort((a, b) => a.id - b.id)
      .map((move) => ({ from: move.fromDate, to: move.toDate, incident_id: move.incidentId, at: move.at, reason: move.reason })),
  };
}
