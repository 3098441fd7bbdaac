import type { Context, Hono } from 'hono';
import { DomainError } from '../../domain-errors';
import { domainErrorStatus } from '../../http/domain-error-status';
import { passwordLinkUrl } from '../../staff/console-links';
import type { StaffAccount } from '../../staff/create-staff-account';
import { issueStaffPasswordReset, resetStaffTwoFactor } from '../../staff/reset-staff-sign-in';
import { listAccountTokens, loadStaffAccount } from '../../staff/staff-accounts';
import { updateStaffAccount, type StaffAccountChanges } from '../../staff/update-staff-account';
import { signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { OneTimeSecret } from './accounts-one-time-secret';
import { admins } from './accounts-pages';
import { chooseRoleMessage, postedRole, roleOptions } from './accounts-roles';
import { SelectField } from './form-controls';
import { nairobiTime } from './nairobi-time';

const doneMessages: Record<string, string> = {
  role: 'The role was changed. Any of their API tokens above the new role were revoked.',
  disabled: 'The account is disabled: its sessions ended and its API tokens stopped working.',
  enabled: 'The account is enabled again. Its earlier sessions stay ended; they sign in afresh.',
  'two-factor': 'Two-factor sign-in was reset and their sessions ended. They set it up again at their next sign-in.',
};

type Refusal = { message: string; roleError?: string; role?: string; status: 400 | 404 | 409 };

const statusOf = (error: DomainError) => domainErrorStatus[error.kind].status as 400 | 404 | 409;

/** One person's account: change role, disable or enable, a new set-password link, reset two-factor. */
export function registerAccountPersonPages(app: Hono<ConsoleEnv>): void {
  const personPage = async (c: Context<ConsoleEnv>, account: StaffAccount, refusal?: Refusal) => {
    const staff = signedInStaff(c);
    const tokens = await listAccountTokens(c.get('deps').db, account.id);
    const base = `/console/accounts/${encodeURIComponent(account.id)}`;
    const done = doneMessages[c.req.query('done') ?? ''];
    return renderPage(
      c,
      <ConsolePage title={account.name} staff={staff} path="/console/accounts">
        <p>
          <a href="/console/accounts">All accounts</a>
        </p>
        {refusal ? (
          <p class="notice error" role="alert">
            {refusal.message}
          </p>
        ) : done ? (
          <p class="notice ok" role="status">
            {done}
          </p>
        ) : null}
        <dl>
          <dt>Email</dt>
          <dd>{account.email}</dd>
          <dt>Role</dt>
          <dd>{account.role}</dd>
          <dt>State</dt>
          <dd>{account.disabledAt ? `Disabled since ${nairobiTime(account.disabledAt)}` : 'Active'}</dd>
          <dt>Password</dt>
          <dd>{account.hasPassword ? 'Set' : 'Not set yet (their set-password link is unused)'}</dd>
          <dt>Two-factor sign-in</dt>
          <dd>{account.totpEnabledAt ? `On since ${nairobiTime(account.totpEnabledAt)}` : 'Off'}</dd>
          <dt>Added</dt>
          <dd>{nairobiTime(account.createdAt)}</dd>
        </dl>

        <h2>Role</h2>
        <ConsoleForm action={`${base}/role`} csrf={staff.csrfToken}>
          <SelectField
            name="role"
            label="Role"
            value={refusal?.role ?? account.role}
            options={roleOptions}
            error={refusal?.roleError}
            hint="A lower role revokes their API tokens above it."
          />
          <p>
            <button type="submit">Change the role</button>
          </p>
        </ConsoleForm>

        <h2>Access</h2>
        {account.disabledAt ? (
          <ConsoleForm action={`${base}/enable`} csrf={staff.csrfToken}>
            <p>They cannot sign in and their API tokens do not work.</p>
            <button type="submit">Enable the account</button>
          </ConsoleForm>
        ) : (
          <ConsoleForm action={`${base}/disable`} csrf={staff.csrfToken}>
            <p>Disabling ends their sessions at once and stops their API tokens; their name stays on what they wrote.</p>
            <button type="submit" class="danger">
              Disable the account
            </button>
          </ConsoleForm>
        )}

        <h2>Sign-in help</h2>
        {account.disabledAt ? (
          <p>Enable the account before issuing a set-password link.</p>
        ) : (
          <ConsoleForm action={`${base}/password-link`} csrf={staff.csrfToken}>
            <p>For a forgotten password: a one-time link through which they choose a new one. Their current password works until the link is used.</p>
            <button type="submit" class="secondary">
              Issue a set-password link
            </button>
          </ConsoleForm>
        )}
        {account.totpEnabledAt ? (
          <ConsoleForm action={`${base}/two-factor`} csrf={staff.csrfToken}>
            <p>For a lost phone: turns two-factor sign-in off and ends their sessions; they set it up again at their next sign-in.</p>
            <button type="submit" class="secondary">
              Reset two-factor sign-in
            </button>
          </ConsoleForm>
        ) : null}

        <h2>API tokens</h2>
        {tokens.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul>
            {tokens.map((token) => (
              <li>
                {token.name} ({token.role}){token.revokedAt ? ` — revoked ${nairobiTime(token.revokedAt)}` : ''}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/console/tokens">Manage API tokens</a>
        </p>
      </ConsolePage>,
      refusal?.status ?? 200,
    );
  };

  const notFoundPage = (c: Context<ConsoleEnv>) =>
    renderPage(
      c,
      <ConsolePage title="No such account" staff={signedInStaff(c)} path="/console/accounts">
        <p>
          <a href="/console/accounts">Back to accounts</a>
        </p>
      </ConsolePage>,
      404,
    );

  /** Runs an action on the account the path names; a domain refusal re-renders the page with it. */
  const onAccount = async (c: Context<ConsoleEnv>, act: (account: StaffAccount) => Promise<Response>, refusalFor?: (error: DomainError) => Omit<Refusal, 'status'>) => {
    let account: StaffAccount;
    try {
      account = await loadStaffAccount(c.get('deps').db, c.req.param('id') ?? '');
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') return notFoundPage(c);
      throw error;
    }
    try {
      return await act(account);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      return personPage(c, account, { message: error.detail, ...refusalFor?.(error), status: statusOf(error) });
    }
  };

  const change = (c: Context<ConsoleEnv>, changes: StaffAccountChanges, done: string) =>
    onAccount(c, async (account) => {
      await updateStaffAccount(c.get('deps').db, account.id, changes, consoleActionContext(c));
      return c.redirect(`/console/accounts/${encodeURIComponent(account.id)}?done=${done}`, 303);
    });

  app.get('/accounts/:id', admins, (c) => onAccount(c, (account) => personPage(c, account)));

  app.post('/accounts/:id/role', admins, (c) => {
    const posted = formText(c.get('form'), 'role');
    const role = postedRole(posted);
    if (!role) return onAccount(c, (account) => personPage(c, account, { message: 'Nothing was changed.', roleError: chooseRoleMessage, status: 400 }));
    return onAccount(
      c,
      async (account) => {
        await updateStaffAccount(c.get('deps').db, account.id, { role }, consoleActionContext(c));
        return c.redirect(`/console/accounts/${encodeURIComponent(account.id)}?done=role`, 303);
      },
      (error) => ({ message: 'Nothing was changed.', roleError: error.detail, role }),
    );
  });

  app.post('/accounts/:id/disable', admins, (c) => change(c, { disabled: true }, 'disabled'));
  app.post('/accounts/:id/enable', admins, (c) => change(c, { disabled: false }, 'enabled'));

  app.post('/accounts/:id/two-factor', admins, (c) =>
    onAccount(c, async (account) => {
      await resetStaffTwoFactor(c.get('deps').db, account.id, consoleActionContext(c));
      return c.redirect(`/console/accounts/${encodeURIComponent(account.id)}?done=two-factor`, 303);
    }),
  );

  app.post('/accounts/:id/password-link', admins, (c) =>
    onAccount(c, async (account) => {
      const { db, config } = c.get('deps');
      const token = await issueStaffPasswordReset(db, account.id, consoleActionContext(c));
      return renderPage(
        c,
        <ConsolePage title={`A set-password link for ${account.name}`} staff={signedInStaff(c)} path="/console/accounts">
          <p>Hand it to {account.name} by a channel only they read. It works once, for 72 hours; setting a password through it ends their sessions.</p>
          <OneTimeSecret label="Set-password link" value={passwordLinkUrl(config.publicUrl, token)} warning="Copy it now: it is not stored and cannot be shown again." />
          <p>
            <a href={`/console/accounts/${encodeURIComponent(account.id)}`}>Back to {account.name}’s account</a>
          </p>
        </ConsolePage>,
        201,
      );
    }),
  );
}
