import type { AppointmentChange } from '../../applicants/list-appointment-changes';
import { neutraliseCsvCell } from '../../appointments/neutralise-csv-cell';

const columns = ['reference', 'from', 'to', 'office', 'service', 'reason', 'incident_id', 'at', 'from_office'] as const;

// Every cell quoted and formula-guarded: a reason is free text staff wrote.
const csvCell = (value: string | null) => neutraliseCsvCell(value ?? '');

/** The changes as CSV, with a header row, lines ending in CRLF. */
export function appointmentChangesCsv(changes: AppointmentChange[]): string {
  const rows = changes.map((change) =>
    [change.reference, change.from, change.to, change.office, change.service, change.reason, change.incidentId, change.at, change.fromOffice].map(csvCell).join(','),
  );
  return [columns.join(','), ...rows].map((line) => `${line}\r\n`).join('');
}
