import type { Context, Hono } from 'hono';
import { eq } from 'drizzle-orm';
import { apiTokens, type TokenRole } from '../../../db/schema/index';
import { issueToken, listTokens, revokeToken, type TokenListing } from '../../auth/manage-tokens';
import { DomainError } from '../../domain-errors';
import { domainErrorStatus } from '../../http/domain-error-status';
import { listStaffAccounts } from '../../staff/staff-accounts';
import { Field } from '../auth/field';
import { signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { OneTimeSecret } from './accounts-one-time-secret';
import { admins } from './accounts-pages';
import { chooseRoleMessage, postedRole, roleOptions } from './accounts-roles';
import { domainErrorView, type FieldErrors } from './domain-error-fields';
import { SelectField } from './form-controls';
import { nairobiTime } from './nairobi-time';
import { staffNames } from './staff-names';

const perPage = 100;
const allAccounts = { limit: 1000, offset: 0 };

type TokenFormValues = { name: string; role: string; user_id: string };

const doneMessages: Record<string, string> = { revoked: 'The token was revoked: the next request with it is refused.' };

/** The offset a `?offset=` asks for: a whole number of pages from the start, else the first page. */
const offsetOf = (value: string | undefined) => {
  const n = Number(value);
  return Number.isSafeInteger(n) && n > 0 ? n - (n % perPage) : 0;
};

/** API tokens (admins, like the staff API): list, issue one with its secret shown once, revoke with a confirmation. */
export function registerTokensPages(app: Hono<ConsoleEnv>): void {
  const listPage = async (c: Context<ConsoleEnv>, form: { values: TokenFormValues; errors: FieldErrors; message: string | null }, status: 200 | 400 | 404 | 409 = 200) => {
    const staff = signedInStaff(c);
    const { db } = c.get('deps');
    const offset = offsetOf(c.req.query('offset'));
    const [tokens, accounts] = await Promise.all([listTokens(db, { limit: perPage, offset }), listStaffAccounts(db, allAccounts)]);
    const owner = await staffNames(db, tokens.items.map((token) => token.userId));
    const done = doneMessages[c.req.query('done') ?? ''];
    const owners = accounts.items.filter((account) => !account.disabledAt).map((account) => ({ value: account.id, label: `${account.name} (${account.role})` }));
    return renderPage(
      c,
      <ConsolePage title="API tokens" staff={staff} path="/console/accounts">
        <p>
          <a href="/console/accounts">Accounts</a>
        </p>
        {done ? (
          <p class="notice ok" role="status">
            {done}
          </p>
        ) : null}
        <p>Each token acts for one account, never above that account’s role, and stops when the account is disabled.</p>
        <div class="table-wrap">
          <table>
            <caption class="vh">API tokens, newest first</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Role</th>
                <th scope="col">Owner</th>
                <th scope="col">Starts with</th>
                <th scope="col">Created</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {tokens.items.map((token) => (
                <tr>
                  <td>{token.name}</td>
                  <td>{token.role}</td>
                  <td>{owner(token.userId)}</td>
                  <td>
                    <code>{token.fromEnvironment ? 'ADMIN_TOKEN' : `hali_${token.prefix}_`}</code>
                  </td>
                  <td>{nairobiTime(token.createdAt)}</td>
                  <td>{token.lastUsedAt ? nairobiTime(token.lastUsedAt) : 'Never'}</td>
                  <td>
                    {token.revokedAt ? (
                      `Revoked ${nairobiTime(token.revokedAt)}`
                    ) : (
                      <>
                        Active · <a href={`/console/tokens/${encodeURIComponent(token.id)}/revoke`}>Revoke<span class="vh"> {token.name}</span>…</a>
                      </>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {tokens.items.length === 0 ? <p>No tokens yet.</p> : null}
        {tokens.total > perPage ? (
          <p class="month-nav">
            {offset > 0 ? <a href={`/console/tokens?offset=${offset - perPage}`}>Newer tokens</a> : null}
            {offset + perPage < tokens.total ? <a href={`/console/tokens?offset=${offset + perPage}`}>Older tokens</a> : null}
          </p>
        ) : null}

        <h2 id="issue">Issue a token</h2>
        <p>The secret is shown once, right after this; only its hash is kept.</p>
        {form.message ? (
          <p class="notice error" role="alert">
            {form.message}
          </p>
        ) : null}
        <ConsoleForm action="/console/tokens" csrf={staff.csrfToken}>
          <Field name="name" label="Name" value={form.values.name} error={form.errors.name} hint="Who or what uses it, e.g. “Comms desk: Wanjiru” or “Booking system”." autocomplete="off" required />
          <SelectField name="user_id" label="Acts for (owner)" value={form.values.user_id} options={owners} error={form.errors.user_id} hint="Four-eyes review compares accounts, so a token counts as its owner." />
          <SelectField name="role" label="Role" value={form.values.role} options={roleOptions} error={form.errors.role} hint="At most the owner’s own role." />
          <p>
            <button type="submit">Issue the token</button>
          </p>
        </ConsoleForm>
      </ConsolePage>,
      status,
    );
  };

  app.get('/tokens', admins, (c) => listPage(c, { values: { name: '', role: 'drafter', user_id: signedInStaff(c).user.id }, errors: {}, message: null }));

  app.post('/tokens', admins, async (c) => {
    const form = c.get('form');
    const values: TokenFormValues = { name: formText(form, 'name'), role: formText(form, 'role'), user_id: formText(form, 'user_id') };
    const role: TokenRole | null = postedRole(values.role);
    if (!role) return listPage(c, { values, errors: { role: chooseRoleMessage }, message: 'Nothing was issued. Correct the fields marked below.' }, 400);
    try {
      const { token, secret } = await issueToken(c.get('deps').db, { name: values.name, role, userId: values.user_id || null }, consoleActionContext(c));
      const owner = await staffNames(c.get('deps').db, [token.userId]);
      return renderPage(
        c,
        <ConsolePage title={`Token “${token.name}” issued`} staff={signedInStaff(c)} path="/console/accounts">
          <p>
            A {token.role} token acting for {owner(token.userId)}. Send it as <code>Authorization: Bearer …</code>.
          </p>
          <OneTimeSecret
            label="Token secret"
            value={secret}
            warning="Copy it now into the system that uses it: it cannot be shown again. Anyone holding it acts as its owner; if it leaks, revoke it."
          />
          <p>
            <a href="/console/tokens">All tokens</a>
          </p>
        </ConsolePage>,
        201,
      );
    } catch (error) {
      if (error instanceof DomainError && error.kind === 'not_found') {
        return listPage(c, { values, errors: { user_id: 'Choose an active account.' }, message: 'Nothing was issued. Correct the fields marked below.' }, 400);
      }
      const view = domainErrorView(error);
      return listPage(c, { values, errors: view.fields, message: Object.keys(view.fields).length ? 'Nothing was issued. Correct the fields marked below.' : view.message }, 400);
    }
  });

  const confirmPage = async (c: Context<ConsoleEnv>, token: TokenListing, refusal?: { message: string; status: 400 | 404 | 409 }) => {
    const staff = signedInStaff(c);
    const owner = await staffNames(c.get('deps').db, [token.userId]);
    return renderPage(
      c,
      <ConsolePage title={`Revoke the token “${token.name}”?`} staff={staff} path="/console/accounts">
        {refusal ? (
          <p class="notice error" role="alert">
            {refusal.message}
          </p>
        ) : null}
        <p>
          A {token.role} token acting for {owner(token.userId)}, last used {token.lastUsedAt ? nairobiTime(token.lastUsedAt) : 'never'}. Whatever uses it stops working at once; this
          cannot be undone (issue a new token instead).
        </p>
        {token.revokedAt ? null : (
          <ConsoleForm action={`/console/tokens/${encodeURIComponent(token.id)}/revoke`} csrf={staff.csrfToken}>
            <button type="submit" class="danger">
              Revoke the token
            </button>{' '}
            <a href="/console/tokens">Keep it</a>
          </ConsoleForm>
        )}
      </ConsolePage>,
      refusal?.status ?? 200,
    );
  };

  /** The token the path names (never its hash), or the 404 page. */
  const withToken = async (c: Context<ConsoleEnv>, then: (token: TokenListing) => Promise<Response>) => {
    const [row] = await c.get('deps').db.select().from(apiTokens).where(eq(apiTokens.id, c.req.param('id') ?? ''));
    if (!row) {
      return renderPage(
        c,
        <ConsolePage title="No such token" staff={signedInStaff(c)} path="/console/accounts">
          <p>
            <a href="/console/tokens">Back to tokens</a>
          </p>
        </ConsolePage>,
        404,
      );
    }
    const { secretHash: _hash, ...token } = row;
    return then(token);
  };

  app.get('/tokens/:id/revoke', admins, (c) => withToken(c, (token) => confirmPage(c, token)));

  app.post('/tokens/:id/revoke', admins, (c) =>
    withToken(c, async (token) => {
      try {
        await revokeToken(c.get('deps').db, token.id, consoleActionContext(c));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        return confirmPage(c, token, { message: error.detail, status: domainErrorStatus[error.kind].status as 400 | 404 | 409 });
      }
      return c.redirect('/console/tokens?done=revoked', 303);
    }),
  );
}
