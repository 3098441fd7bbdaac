import type { Hono } from 'hono';
import { z } from 'zod';
import { appointmentLanguages } from '../../../db/schema/constants';
import type { AppEnv } from '../../http/app-env';
import { badRequest, ProblemError } from '../../http/problem';
import { normaliseEmail, requestSubscription } from '../../subscribers/request-subscription';
import { addressKey, smallBody, takeOrRefuse, type PublicThrottles } from './public-limits';

const SubscribeFormSchema = z.object({
  email: z.email({ error: 'must be an email address, e.g. name@example.com' }).max(254, 'at most 254 characters'),
  language: z.enum(appointmentLanguages).default('en'),
  components: z.array(z.string().min(1).max(64)).max(200, 'at most 200 services'),
});

/** Where the form sends the browser next: a static page of the built site, in the form's language. */
export const checkInboxPath = (language: string) => (language === 'sw' ? '/sw/subscribe/check-inbox/' : '/subscribe/check-inbox/');

/**
 * POST /subscribe: the status page's form, without JavaScript (application/x-www-form-urlencoded:
 * email, language, components repeated). Always 303 to "check your inbox", whether the address is
 * new, pending or already confirmed, so the answer never tells who subscribed.
 */
export function registerSubscribe(app: Hono<AppEnv>, throttles: PublicThrottles): void {
  app.post('/subscribe', smallBody, async function subscribe(c) {
    takeOrRefuse(c, throttles.subscribePerIp);
    if (!/^application\/x-www-form-urlencoded\b/i.test(c.req.header('Content-Type') ?? '')) {
      throw new ProblemError(415, 'Unsupported Media Type', 'Send the subscribe form as application/x-www-form-urlencoded (the status page\'s form does).');
    }
    const form = new URLSearchParams(await c.req.text());
    const parsed = SubscribeFormSchema.safeParse({
      email: form.get('email')?.trim() ?? '',
      language: form.get('language') || undefined,
      components: form.getAll('components'),
    });
    if (!parsed.success) {
      const errors = parsed.error.issues.map((issue) => ({ field: String(issue.path[0] ?? 'form'), message: issue.message }));
      throw badRequest(`The form is not complete: ${errors.map((error) => `${error.field} ${error.message}`).join('; ')}. Go back and correct it.`, errors);
    }
    const deps = c.get('deps');
    const email = normaliseEmail(parsed.data.email);
    takeOrRefuse(c, throttles.subscribePerAddress, addressKey(email));
    await requestSubscription(deps.db, deps.config, { email, language: parsed.data.language, componentIds: parsed.data.components }, deps.now());
    return c.redirect(checkInboxPath(parsed.data.language), 303);
  });
}
