import type { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env';

// Placeholder: the signed .ics route for applicants is registered here.
export function registerCalendarRoutes(_app: Hono<AppEnv>): void {}
