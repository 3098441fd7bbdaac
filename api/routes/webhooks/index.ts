import type { OpenApiRouter } from '../../http/openapi-app';
import { registerCreateWebhook } from './create';
import { registerDeleteWebhook } from './delete';
import { registerGetWebhook } from './get';
import { registerListWebhooks } from './list';

/** Webhooks: publishers and admins register, list and remove them. */
export function registerWebhookRoutes(app: OpenApiRouter): void {
  registerListWebhooks(app);
  registerCreateWebhook(app);
  registerGetWebhook(app);
  registerDeleteWebhook(app);
}
