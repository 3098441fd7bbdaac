import type { OpenApiRouter } from '../../http/openapi-app';
import { registerListDeliveries } from './list';
import { registerListIncidentDeliveries } from './list-for-incident';
import { registerRetryDelivery } from './retry';
import { registerRetryIncidentDeliveries } from './retry-incident';

/** Deliveries: all staff read the ledger (without applicants' addresses for drafters); publishers re-drive failures. */
export function registerDeliveryRoutes(app: OpenApiRouter): void {
  registerListDeliveries(app);
  registerListIncidentDeliveries(app);
  registerRetryDelivery(app);
  registerRetryIncidentDeliveries(app);
}
