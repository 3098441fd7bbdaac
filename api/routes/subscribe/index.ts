import type { Hono } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { createPublicThrottles } from './public-limits';
import { registerPublicWebhookRoute } from './register-webhook';
import { registerSubscribe } from './subscribe';
import { registerSubscriptionLinks } from './subscription-links';

/** The public's subscriptions: the email form, the links in subscribers' emails, webhook registration. */
export function registerSubscribeRoutes(app: Hono<AppEnv>): void {
  const throttles = createPublicThrottles();
  registerSubscribe(app, throttles);
  registerSubscriptionLinks(app, throttles);
  registerPublicWebhookRoute(app, throttles);
}
