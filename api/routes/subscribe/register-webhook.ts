import type { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../../http/app-env';
import { badRequest } from '../../http/problem';
import { registerPublicWebhook } from '../../subscribers/webhooks/register-webhook';
import { smallBody, takeOrRefuse, type PublicThrottles } from './public-limits';

const PublicWebhookSchema = z.object({
  url: z.string().trim().min(1, 'cannot be empty').max(2000, 'at most 2,000 characters'),
  component_ids: z.array(z.string().max(64)).max(200).default([]),
});

/**
 * POST /webhooks/register (JSON `{url, component_ids?}`): anyone may register a webhook, which
 * stays pending until Hali has POSTed `{"type":"challenge","challenge":"…"}` to the URL (signed
 * like every call) and the URL answered 2xx echoing the challenge. Answers 202 with the id and,
 * once only, the signing secret.
 */
export function registerPublicWebhookRoute(app: Hono<AppEnv>, throttles: PublicThrottles): void {
  app.post('/webhooks/register', smallBody, async function registerWebhook(c) {
    takeOrRefuse(c, throttles.webhookPerIp);
    let body: unknown;
    try {
      body = await c.req.json();
    } catch {
      throw badRequest('Send one JSON object like {"url": "https://example.com/hooks/hali"} with Content-Type: application/json.');
    }
    const parsed = PublicWebhookSchema.safeParse(body);
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'body'), message: issue.message }));
      throw badRequest('The registration is not valid; see errors.', errors);
    }
    const { db, config, now } = c.get('deps');
    const row = await registerPublicWebhook(db, { url: parsed.data.url, componentIds: parsed.data.component_ids }, { allowPrivate: config.webhooks.allowPrivateAddresses, now: now() });
    c.header('Cache-Control', 'no-store');
    return c.json({ id: row.id, state: row.state, secret: row.secret }, 202);
  });
}
