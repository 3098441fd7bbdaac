import type { OpenApiRouter } from '../../http/openapi-app';
import { registerListSubscribers } from './list';
import { registerSubscriberSummary } from './summary';

/** Email subscribers: counts for publishers and admins, addresses for admins. */
export function registerSubscriberRoutes(app: OpenApiRouter): void {
  registerSubscriberSummary(app);
  registerListSubscribers(app);
}
