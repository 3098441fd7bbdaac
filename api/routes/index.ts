import type { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import type { OpenApiRouter } from '../http/openapi-app';
import { registerApplicantRoutes } from './applicants/index';
import { registerAppointmentRoutes } from './appointments/index';
import { registerAuditRoutes } from './audit/index';
import { registerCalendarRoutes } from './calendar/index';
import { registerComponentRoutes } from './components/index';
import { registerDeliveryRoutes } from './deliveries/index';
import { registerIncidentRoutes } from './incidents/index';
import { registerOfficeRoutes } from './offices/index';
import { registerReferenceRoutes } from './reference/index';
import { registerSiteRoutes } from './site/index';
import { registerSubscribeRoutes } from './subscribe/index';
import { registerSubscriberRoutes } from './subscribers/index';
import { registerTokenRoutes } from './tokens/index';
import { registerUserRoutes } from './users/index';
import { registerWebhookRoutes } from './webhooks/index';

/** The staff API, mounted at /api/v1. */
export function registerStaffRoutes(app: OpenApiRouter): void {
  registerUserRoutes(app);
  registerTokenRoutes(app);
  registerAuditRoutes(app);
  registerComponentRoutes(app);
  registerOfficeRoutes(app);
  registerIncidentRoutes(app);
  registerAppointmentRoutes(app);
  registerDeliveryRoutes(app);
  registerSiteRoutes(app);
  registerSubscriberRoutes(app);
  registerWebhookRoutes(app);
}

/** Dynamic routes outside the staff API: the API reference page, applicants' calendar files and their own pages. */
export function registerPublicRoutes(app: Hono<AppEnv>): void {
  registerReferenceRoutes(app);
  registerCalendarRoutes(app);
  registerSubscribeRoutes(app);
  registerApplicantRoutes(app);
}
