import type { AppointmentChange } from './list-appointment-changes';

/** A change as the booking system receives it, from the feed and from the booking webhook alike (snake_case). */
export const appointmentChangeJson = (change: AppointmentChange) => ({
  reference: change.reference,
  from: change.from,
  to: change.to,
  office: change.office,
  service: change.service,
  reason: change.reason,
  incident_id: change.incidentId,
  at: change.at,
  from_office: change.fromOffice,
});
