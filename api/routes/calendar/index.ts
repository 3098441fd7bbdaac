import type { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { registerGetCalendar } from './get-calendar';

/** Applicants' "add to calendar" files, linked from their emails (public, signed links). */
export function registerCalendarRoutes(app: Hono<AppEnv>): void {
  registerGetCalendar(app);
}
