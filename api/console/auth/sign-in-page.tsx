import type { Context, Hono } from 'hono';
import { verifySignIn } from '../../staff/verify-sign-in';
import { startStaffSession } from '../../staff/staff-sessions';
import { clientAddress } from '../../http/client-address';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { writeSessionCookie } from '../session-cookie';
import { Field } from './field';
import { preSessionToken } from './pre-session-token';
import { safeNext } from './safe-next';
import { secondFactorStep } from './second-factor-step';

/** One answer for every failed sign-in: it never says whether the address has an account or is locked. */
const failedSignIn = 'That email and password do not match an account that can sign in now. Check them and try again; after several failed tries, wait a few minutes first.';

export function registerSignInPage(app: Hono<ConsoleEnv>): void {
  const page = (c: Context<ConsoleEnv>, options: { email?: string; error?: string; status?: 200 | 401 | 429 }) => {
    const next = safeNext(c.req.query('next') ?? formText(c.get('form') ?? {}, 'next'));
    return renderPage(
      c,
      <ConsolePage title="Sign in to the Hali console">
        <div class="signin">
          {options.error ? (
            <p class="notice error" role="alert">
              {options.error}
            </p>
          ) : null}
          <ConsoleForm action="/console/sign-in" csrf={preSessionToken(c)}>
            <input type="hidden" name="next" value={next} />
            <Field name="email" label="Email" type="email" value={options.email} autocomplete="username" required />
            <Field name="password" label="Password" type="password" autocomplete="current-password" required />
            <p>
              <button type="submit">Sign in</button>
            </p>
          </ConsoleForm>
          <p class="hint">Forgot your password? Ask an administrator for a new set-password link.</p>
        </div>
      </ConsolePage>,
      options.status ?? 200,
    );
  };

  app.get('/sign-in', (c) => (c.get('staff')?.verified ? c.redirect(safeNext(c.req.query('next')), 303) : page(c, {})));

  app.post('/sign-in', async (c) => {
    const { db, now } = c.get('deps');
    const at = now();
    const throttle = c.get('authThrottle');
    const address = clientAddress(c);
    const form = c.get('form');
    const email = formText(form, 'email').slice(0, 320);
    const retryAfter = throttle.retryAfterSeconds(address, at);
    if (retryAfter !== null) {
      c.header('Retry-After', String(retryAfter));
      return page(c, { email, error: `Too many failed sign-ins from your network. Try again in ${Math.ceil(retryAfter / 60)} minute(s).`, status: 429 });
    }
    const outcome = await verifySignIn(db, { email, password: formText(form, 'password').slice(0, 1024) }, at);
    if (!outcome.ok) {
      throttle.recordFailure(address, at);
      console.warn(`${at.toISOString()} failed console sign-in from ${address}`);
      return page(c, { email, error: failedSignIn, status: 401 });
    }
    const step = secondFactorStep(outcome.user, c.get('deps').config.nodeEnv);
    const secret = await startStaffSession(db, outcome.user.id, at, { verified: step === null });
    writeSessionCookie(c, secret);
    return c.redirect(step ?? safeNext(formText(form, 'next')), 303);
  });
}
