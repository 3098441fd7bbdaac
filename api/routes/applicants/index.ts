import type { Hono } from 'hono';
import { createLookupThrottle } from '../../applicants/lookup-throttle';
import type { AppEnv } from '../../http/app-env';
import { registerChooseAnotherDate } from './choose';
import { registerLookupAppointment } from './lookup';

/**
 * Applicants' own pages (public, no login, no JavaScript needed): looking up an appointment by
 * reference and email, and choosing another date through the signed link in their email. The
 * lookup's limits live as long as the app (one throttle per app).
 */
export function registerApplicantRoutes(app: Hono<AppEnv>): void {
  registerLookupAppointment(app, createLookupThrottle());
  registerChooseAnotherDate(app);
}
