import type { OpenApiRouter } from '../../http/openapi-app';
import { registerListDeliveries } from './list';
import { registerRetryDelivery } from './retry';

/** Deliveries: all staff read the ledger (without applicants' addresses for drafters); publishers re-drive failures. One incident's deliveries live in incidents/deliveries. */
export function registerDeliveryRoutes(app: OpenApiRouter): void {
  registerListDeliveries(app);
  registerRetryDelivery(app);
}
