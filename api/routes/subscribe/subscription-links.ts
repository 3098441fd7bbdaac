import type { Context, Hono } from 'hono';
import type { AppEnv } from '../../http/app-env';
import { confirmSubscription, findLinkedSubscriber, unsubscribe } from '../../subscribers/change-subscription';
import { isWebhookUnsubscribeLink, unsubscribeWebhook } from '../../subscribers/webhooks/unsubscribe-webhook';
import { linkPage, linkPageHeaders } from './link-page';
import { linkPageWording } from './link-page-wording';
import { smallBody, takeOrRefuse, type PublicThrottles } from './public-limits';

const languagePrefix = (language: string) => (language === 'sw' ? '/sw' : '');

function invalidLink(c: Context<AppEnv>): Response {
  const words = linkPageWording.en;
  return linkPage(c, { language: 'en', title: words.invalidTitle, detail: words.invalidDetail, status: 404 });
}

/** RFC 8058: a mail client's one-click POST carries this field, form-encoded or multipart. */
async function isOneClick(c: Context<AppEnv>): Promise<boolean> {
  const form = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>);
  return form['List-Unsubscribe'] === 'One-Click';
}

/**
 * The links in subscribers' emails and in webhook payloads. GET shows a page with one button; POST
 * (the button, or a mail client's RFC 8058 one-click) acts and redirects (303) to a static page of
 * the built site, or answers 200 to a one-click POST. A bad or forged token is 404.
 */
export function registerSubscriptionLinks(app: Hono<AppEnv>, throttles: PublicThrottles): void {
  app.use('/subscribe/confirm', async (c, next) => (takeOrRefuse(c, throttles.linksPerIp), next()));
  app.use('/subscribe/unsubscribe', async (c, next) => (takeOrRefuse(c, throttles.linksPerIp), next()));
  app.use('/webhooks/unsubscribe', async (c, next) => (takeOrRefuse(c, throttles.linksPerIp), next()));

  app.get('/subscribe/confirm', async function showConfirm(c) {
    const { db, config } = c.get('deps');
    const subscriber = await findLinkedSubscriber(db, config, c.req.query('token') ?? '', 'confirm');
    if (!subscriber) return invalidLink(c);
    const words = linkPageWording[subscriber.language];
    return linkPage(c, { language: subscriber.language, title: words.confirmTitle, button: words.confirmButton });
  });

  app.post('/subscribe/confirm', smallBody, async function confirm(c) {
    const { db, config, now } = c.get('deps');
    const subscriber = await confirmSubscription(db, config, c.req.query('token') ?? '', now());
    if (!subscriber) return invalidLink(c);
    return c.redirect(`${languagePrefix(subscriber.language)}/subscribe/confirmed/`, 303);
  });

  app.get('/subscribe/unsubscribe', async function showUnsubscribe(c) {
    const { db, config } = c.get('deps');
    const subscriber = await findLinkedSubscriber(db, config, c.req.query('token') ?? '', 'unsubscribe');
    if (!subscriber) return invalidLink(c);
    const words = linkPageWording[subscriber.language];
    return linkPage(c, { language: subscriber.language, title: words.unsubscribeTitle, button: words.unsubscribeButton });
  });

  app.post('/subscribe/unsubscribe', smallBody, async function unsubscribeByLink(c) {
    const { db, config, now } = c.get('deps');
    const oneClick = await isOneClick(c);
    const subscriber = await unsubscribe(db, config, c.req.query('token') ?? '', now());
    if (!subscriber) return invalidLink(c);
    if (oneClick) return c.text('Unsubscribed.', 200, linkPageHeaders);
    return c.redirect(`${languagePrefix(subscriber.language)}/subscribe/unsubscribed/`, 303);
  });

  app.get('/webhooks/unsubscribe', async function showWebhookUnsubscribe(c) {
    if (!isWebhookUnsubscribeLink(c.get('deps').config, c.req.query('token') ?? '')) return invalidLink(c);
    const words = linkPageWording.en;
    return linkPage(c, { language: 'en', title: words.webhookUnsubscribeTitle, button: words.unsubscribeButton });
  });

  app.post('/webhooks/unsubscribe', smallBody, async function unsubscribeWebhookByLink(c) {
    const { db, config, now } = c.get('deps');
    if (!(await unsubscribeWebhook(db, config, c.req.query('token') ?? '', now()))) return invalidLink(c);
    return c.text('This webhook will receive nothing more.', 200, linkPageHeaders);
  });
}
