import type { OpenApiRouter } from '../../../http/openapi-app';
import { registerListIncidentDeliveries } from './list';
import { registerRetryIncidentDeliveries } from './retry';

/** One incident's deliveries: all staff read them (without applicants' addresses for drafters); publishers re-drive failures. */
export function registerIncidentDeliveryRoutes(app: OpenApiRouter): void {
  registerListIncidentDeliveries(app);
  registerRetryIncidentDeliveries(app);
}
