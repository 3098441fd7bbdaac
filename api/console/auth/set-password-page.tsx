import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain-errors';
import { passwordMinLength } from '../../staff/password-rules';
import { findPasswordLink, setPasswordThroughLink } from '../../staff/password-links';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { Field } from './field';
import { preSessionToken } from './pre-session-token';

const expired = (c: Context<ConsoleEnv>) =>
  renderPage(
    c,
    <ConsolePage title="This link cannot be used">
      <p>It has expired or was already used. Ask an administrator for a new set-password link.</p>
    </ConsolePage>,
    410,
  );

/** The page a one-time link opens: the person chooses their own password, then signs in. */
export function registerSetPasswordPage(app: Hono<ConsoleEnv>): void {
  const form = (c: Context<ConsoleEnv>, token: string, email: string, error?: string) =>
    renderPage(
      c,
      <ConsolePage title="Choose your password">
        <div class="signin">
          <p>
            For <strong>{email}</strong>.
          </p>
          <ConsoleForm action={`/console/password/${token}`} csrf={preSessionToken(c)}>
            <Field
              name="password"
              label="New password"
              type="password"
              autocomplete="new-password"
              hint={`At least ${passwordMinLength} characters. A few unrelated words make a strong password you can remember.`}
              error={error}
              required
            />
            <p>
              <button type="submit">Set password</button>
            </p>
          </ConsoleForm>
        </div>
      </ConsolePage>,
      error ? 400 : 200,
    );

  app.get('/password/:token', async (c) => {
    const link = await findPasswordLink(c.get('deps').db, c.req.param('token'), c.get('deps').now());
    c.header('Referrer-Policy', 'no-referrer');
    return link ? form(c, c.req.param('token'), link.email) : expired(c);
  });

  app.post('/password/:token', async (c) => {
    const { db, now } = c.get('deps');
    const token = c.req.param('token');
    const link = await findPasswordLink(db, token, now());
    if (!link) return expired(c);
    try {
      await setPasswordThroughLink(db, token, formText(c.get('form'), 'password'), now());
    } catch (error) {
      if (error instanceof DomainError) return form(c, token, link.email, error.detail);
      throw error;
    }
    return c.redirect('/console/sign-in', 303);
  });
}
