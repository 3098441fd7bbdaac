import type { Hono } from 'hono';
import { requireStaff } from '../auth/staff-session-middleware';
import type { ConsoleEnv } from '../console-env';
import { appointmentEditors } from './appointments-roles';

export const appointmentUploadPath = '/appointments/import';

/**
 * Checks the sender of a CSV upload before the form guard reads its body: an upload may be as
 * large as IMPORT_MAX_BYTES, and only a signed-in publisher or admin may make the server hold one.
 * Register it before the form guard; the guard still checks the origin and the form token after.
 */
export function guardAppointmentUpload(app: Hono<ConsoleEnv>): void {
  app.post(appointmentUploadPath, requireStaff(appointmentEditors));
}
