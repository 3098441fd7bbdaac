import type { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { OpenApiRouter } from '../http/openapi-app';
import { registerAppointmentRoutes } from './appointments/index';
import { registerAuditRoutes } from './audit/index';
import { registerCalendarRoutes } from './calendar/index';
import { registerComponentRoutes } from './components/index';
import { registerDeliveryRoutes } from './deliveries/index';
import { registerIncidentRoutes } from './incidents/index';
import { registerOfficeRoutes } from './offices/index';
import { registerReferenceRoutes } from './reference/index';
import { registerSiteRoutes } from './site/index';
import { registerTokenRoutes } from './tokens/index';

/** The staff API, mounted at /api/v1. */
export function registerStaffRoutes(app: OpenApiRouter): void {
  registerTokenRoutes(app);
  registerAuditRoutes(app);
  registerComponentRoutes(app);
  registerOfficeRoutes(app);
  registerIncidentRoutes(app);
  registerAppointmentRoutes(app);
  registerDeliveryRoutes(app);
  registerSiteRoutes(app);
}

/** Dynamic routes outside the staff API: the API reference page and applicants' calendar files. */
export function registerPublicRoutes(app: Hono<AppEnv>): void {
  registerReferenceRoutes(app);
  registerCalendarRoutes(app);
}
