import type { OpenApiRouter } from '../../http/openapi-app';
import { registerGetAppointment } from './get';
import { registerImportAppointments } from './import';
import { registerListAppointments } from './list';
import { registerMoveAppointment } from './move';

/** Appointments: CSV import, listing, one appointment with its moves, and moving one by hand. */
export function registerAppointmentRoutes(app: OpenApiRouter): void {
  registerImportAppointments(app);
  registerListAppointments(app);
  registerGetAppointment(app);
  registerMoveAppointment(app);
}
