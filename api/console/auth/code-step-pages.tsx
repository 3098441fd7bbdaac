import type { Context, Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import { clientAddress } from '../../http/client-address';
import { endStaffSession, promoteStaffSession } from '../../staff/staff-sessions';
import { acceptTotpCode, enableTotp, newTotpSecret } from '../../staff/staff-totp';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { clearSessionCookie, writeSessionCookie } from '../session-cookie';
import { Field } from './field';
import { TotpEnrolment, totpEnrolmentSvg } from './totp-enrolment';

/** The half-open session (password right) and its account; anything else starts over at sign-in. */
async function pendingSignIn(c: Context<ConsoleEnv>) {
  const staff = c.get('staff');
  if (!staff || staff.verified) return undefined;
  const [user] = await c.get('deps').db.select().from(users).where(eq(users.id, staff.user.id));
  return user ? { staff, user } : undefined;
}

const codeField = (error?: string) => (
  <Field name="code" label="6-digit code from your authenticator app" inputmode="numeric" autocomplete="one-time-code" error={error} required />
);

/**
 * The second step of signing in. Wrong codes count against the address like wrong passwords, so
 * the six digits cannot be guessed through the form.
 */
export function registerCodeStepPages(app: Hono<ConsoleEnv>): void {
  const codePage = (c: Context<ConsoleEnv>, csrf: string, error?: string) =>
    renderPage(
      c,
      <ConsolePage title="Enter your code">
        <div class="signin">
          <ConsoleForm action="/console/sign-in/code" csrf={csrf}>
            {codeField(error)}
            <p>
              <button type="submit">Continue</button>
            </p>
          </ConsoleForm>
        </div>
      </ConsolePage>,
      error ? 401 : 200,
    );

  app.get('/sign-in/code', async (c) => {
    const pending = await pendingSignIn(c);
    if (!pending?.user.totpEnabledAt) return c.redirect('/console/sign-in', 303);
    return codePage(c, pending.staff.csrfToken);
  });

  app.post('/sign-in/code', async (c) => {
    const pending = await pendingSignIn(c);
    if (!pending?.user.totpEnabledAt || !pending.user.totpSecret) return c.redirect('/console/sign-in', 303);
    const { db, now } = c.get('deps');
    const at = now();
    const address = clientAddress(c);
    const throttle = c.get('authThrottle');
    if (throttle.retryAfterSeconds(address, at) !== null) {
      await endStaffSession(db, pending.staff.id);
      clearSessionCookie(c);
      return c.redirect('/console/sign-in', 303);
    }
    if (!(await acceptTotpCode(db, pending.user, pending.user.totpSecret, formText(c.get('form'), 'code'), at))) {
      throttle.recordFailure(address, at);
      return codePage(c, pending.staff.csrfToken, 'That code is not right or was already used. Enter the code your app shows now.');
    }
    writeSessionCookie(c, await promoteStaffSession(db, pending.staff, at));
    return c.redirect('/console', 303);
  });

  const setUpPage = async (c: Context<ConsoleEnv>, csrf: string, email: string, secret: string, error?: string) =>
    renderPage(
      c,
      <ConsolePage title="Set up two-factor sign-in">
        <p>Your account can publish to the public, so it needs a second factor: a code from an app on your phone.</p>
        <TotpEnrolment svg={await totpEnrolmentSvg(email, secret)} secret={secret} />
        <ConsoleForm action="/console/sign-in/set-up-code" csrf={csrf}>
          {codeField(error)}
          <p>
            <button type="submit">Turn on and continue</button>
          </p>
        </ConsoleForm>
      </ConsolePage>,
      error ? 400 : 200,
    );

  app.get('/sign-in/set-up-code', async (c) => {
    const pending = await pendingSignIn(c);
    if (!pending || pending.user.totpEnabledAt) return c.redirect('/console/sign-in', 303);
    // The unconfirmed secret waits on the account until a code proves the app has it.
    const secret = pending.user.totpSecret ?? newTotpSecret();
    if (!pending.user.totpSecret) await c.get('deps').db.update(users).set({ totpSecret: secret }).where(eq(users.id, pending.user.id));
    return setUpPage(c, pending.staff.csrfToken, pending.user.email, secret);
  });

  app.post('/sign-in/set-up-code', async (c) => {
    const pending = await pendingSignIn(c);
    if (!pending || pending.user.totpEnabledAt || !pending.user.totpSecret) return c.redirect('/console/sign-in', 303);
    const { db, now } = c.get('deps');
    const at = now();
    if (!(await enableTotp(db, pending.user, pending.user.totpSecret, formText(c.get('form'), 'code'), at))) {
      c.get('authThrottle').recordFailure(clientAddress(c), at);
      return setUpPage(c, pending.staff.csrfToken, pending.user.email, pending.user.totpSecret, 'That code is not right. Enter the code your app shows now.');
    }
    writeSessionCookie(c, await promoteStaffSession(db, pending.staff, at));
    return c.redirect('/console', 303);
  });
}
