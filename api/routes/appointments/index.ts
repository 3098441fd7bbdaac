import type { OpenApiRouter } from '../../http/openapi-app';
import { registerListAppointmentChanges } from './changes';
import { registerGetAppointment } from './get';
import { registerImportAppointments } from './import';
import { registerListAppointments } from './list';
import { registerMoveAppointment } from './move';

/** Appointments: CSV import, listing, the changes feed for the booking system, one appointment with its moves, and moving one by hand. */
export function registerAppointmentRoutes(app: OpenApiRouter): void {
  registerImportAppointments(app);
  registerListAppointments(app);
  // Before /appointments/{reference}, which would otherwise take "changes" for a reference.
  registerListAppointmentChanges(app);
  registerGetAppointment(app);
  registerMoveAppointment(app);
}
