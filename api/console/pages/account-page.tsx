import type { Context, Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { users } from '../../../db/schema/index';
import { clientAddress } from '../../http/client-address';
import { enableTotp, newTotpSecret } from '../../staff/staff-totp';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { Field } from '../auth/field';
import { signedInStaff } from '../auth/staff-session-middleware';
import { TotpEnrolment, totpEnrolmentSvg } from '../auth/totp-enrolment';

/** The signed-in person's own account: two-factor (offered to everyone) and sign-out everywhere. */
export function registerAccountPage(app: Hono<ConsoleEnv>): void {
  const page = async (c: Context<ConsoleEnv>, options: { error?: string; done?: string } = {}) => {
    const staff = signedInStaff(c);
    const [user] = await c.get('deps').db.select().from(users).where(eq(users.id, staff.user.id));
    let enrolment = null;
    if (!user.totpEnabledAt) {
      const secret = user.totpSecret ?? newTotpSecret();
      if (!user.totpSecret) await c.get('deps').db.update(users).set({ totpSecret: secret }).where(eq(users.id, user.id));
      enrolment = { svg: await totpEnrolmentSvg(user.email, secret), secret };
    }
    return renderPage(
      c,
      <ConsolePage title="My account" staff={staff} path="/console/account">
        {options.done ? (
          <p class="notice ok" role="status">
            {options.done}
          </p>
        ) : null}
        <dl>
          <dt>Name</dt>
          <dd>{user.name}</dd>
          <dt>Email</dt>
          <dd>{user.email}</dd>
          <dt>Role</dt>
          <dd>{user.role}</dd>
        </dl>
        <h2>Two-factor sign-in</h2>
        {enrolment ? (
          <>
            <p>Off. Turn it on so that a stolen password alone cannot open your account.</p>
            <TotpEnrolment svg={enrolment.svg} secret={enrolment.secret} />
            <ConsoleForm action="/console/account/two-factor" csrf={staff.csrfToken}>
              <Field name="code" label="6-digit code from your authenticator app" inputmode="numeric" autocomplete="one-time-code" error={options.error} required />
              <p>
                <button type="submit">Turn on two-factor sign-in</button>
              </p>
            </ConsoleForm>
          </>
        ) : (
          <p>On since {user.totpEnabledAt}. You will be asked for a code each time you sign in.</p>
        )}
        <h2>Sessions</h2>
        <p>Lost a phone, or signed in on a shared computer? End every session of your account, everywhere, now.</p>
        <ConsoleForm action="/console/sign-out-everywhere" csrf={staff.csrfToken}>
          <button type="submit" class="danger">
            Sign out everywhere
          </button>
        </ConsoleForm>
      </ConsolePage>,
      options.error ? 400 : 200,
    );
  };

  app.get('/account', (c) => page(c));

  app.post('/account/two-factor', async (c) => {
    const { db, now } = c.get('deps');
    const [user] = await db.select().from(users).where(eq(users.id, signedInStaff(c).user.id));
    if (user.totpEnabledAt || !user.totpSecret) return c.redirect('/console/account', 303);
    if (!(await enableTotp(db, user, user.totpSecret, formText(c.get('form'), 'code'), now()))) {
      c.get('authThrottle').recordFailure(clientAddress(c), now());
      return page(c, { error: 'That code is not right. Enter the code your app shows now.' });
    }
    return page(c, { done: 'Two-factor sign-in is on.' });
  });
}
