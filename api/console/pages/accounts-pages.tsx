import type { Context, Hono } from 'hono';
import type { StaffRole } from '../../../db/schema/index';
import { passwordLinkUrl } from '../../staff/console-links';
import { createStaffAccount, type StaffAccount } from '../../staff/create-staff-account';
import { listStaffAccounts } from '../../staff/staff-accounts';
import { Field } from '../auth/field';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { OneTimeSecret } from './accounts-one-time-secret';
import { chooseRoleMessage, postedRole, roleOptions } from './accounts-roles';
import { domainErrorView, type FieldErrors } from './domain-error-fields';
import { SelectField } from './form-controls';
import { nairobiTime } from './nairobi-time';

export const admins = requireStaff(['admin']);
/** A ministry has tens of staff accounts; one page lists them all. */
const allAccounts = { limit: 1000, offset: 0 };

type NewPersonValues = { name: string; email: string; role: string };
const emptyPerson: NewPersonValues = { name: '', email: '', role: 'drafter' };

const accountState = (account: StaffAccount) => (account.disabledAt ? 'Disabled' : account.hasPassword ? 'Active' : 'Active, no password yet');

/** Admins' list of people, with the form to add one (the new person chooses their own password). */
export function registerAccountsPages(app: Hono<ConsoleEnv>): void {
  const listPage = async (c: Context<ConsoleEnv>, form: { values: NewPersonValues; errors: FieldErrors; message: string | null }, status: 200 | 400 | 409 = 200) => {
    const staff = signedInStaff(c);
    const accounts = await listStaffAccounts(c.get('deps').db, allAccounts);
    return renderPage(
      c,
      <ConsolePage title="Accounts" staff={staff} path="/console/accounts">
        <p>
          People who sign in to this console and own API tokens. See also <a href="/console/tokens">API tokens</a> and <a href="/console/templates">notice templates</a>.
        </p>
        <div class="table-wrap">
          <table>
            <caption class="vh">Staff accounts by name</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Two-factor</th>
                <th scope="col">State</th>
                <th scope="col">Added</th>
              </tr>
            </thead>
            <tbody>
              {accounts.items.map((account) => (
                <tr>
                  <td>
                    <a href={`/console/accounts/${encodeURIComponent(account.id)}`}>{account.name}</a>
                  </td>
                  <td>{account.email}</td>
                  <td>{account.role}</td>
                  <td>{account.totpEnabledAt ? 'On' : 'Off'}</td>
                  <td>{accountState(account)}</td>
                  <td>{nairobiTime(account.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <h2 id="add">Add a person</h2>
        <p>You get a one-time link to hand to them; through it they choose their own password, so nobody else ever knows it.</p>
        {form.message ? (
          <p class="notice error" role="alert">
            {form.message}
          </p>
        ) : null}
        <ConsoleForm action="/console/accounts" csrf={staff.csrfToken}>
          <Field name="name" label="Name" value={form.values.name} error={form.errors.name} autocomplete="off" required />
          <Field name="email" label="Work email" type="email" value={form.values.email} error={form.errors.email} autocomplete="off" required />
          <SelectField name="role" label="Role" value={form.values.role} options={roleOptions} error={form.errors.role} />
          <p>
            <button type="submit">Add the person</button>
          </p>
        </ConsoleForm>
      </ConsolePage>,
      status,
    );
  };

  app.get('/accounts', admins, (c) => listPage(c, { values: emptyPerson, errors: {}, message: null }));

  app.post('/accounts', admins, async (c) => {
    const form = c.get('form');
    const values: NewPersonValues = { name: formText(form, 'name'), email: formText(form, 'email'), role: formText(form, 'role') };
    const role: StaffRole | null = postedRole(values.role);
    if (!role) return listPage(c, { values, errors: { role: chooseRoleMessage }, message: 'Nothing was saved. Correct the fields marked below.' }, 400);
    try {
      const { account, passwordLinkToken } = await createStaffAccount(c.get('deps').db, { name: values.name, email: values.email, role }, consoleActionContext(c));
      const link = passwordLinkUrl(c.get('deps').config.publicUrl, passwordLinkToken ?? '');
      return renderPage(
        c,
        <ConsolePage title={`${account.name} was added`} staff={signedInStaff(c)} path="/console/accounts">
          <p>
            {account.name} ({account.email}) is a {account.role}. Hand them this link in person or by a channel only they read; it works once, for 72 hours.
          </p>
          <OneTimeSecret label="Set-password link" value={link} warning="Copy it now: it is not stored and cannot be shown again. If it is lost, issue a new one from their account page." />
          <p>
            <a href={`/console/accounts/${encodeURIComponent(account.id)}`}>{account.name}’s account</a> · <a href="/console/accounts">All accounts</a>
          </p>
        </ConsolePage>,
        201,
      );
    } catch (error) {
      const view = domainErrorView(error);
      const emailTaken = Object.keys(view.fields).length === 0;
      // The one conflict is an email already in use: say so beside the email field.
      const errors = emailTaken ? { email: view.message } : view.fields;
      return listPage(c, { values, errors, message: emailTaken ? 'Nothing was saved. Correct the fields marked below.' : view.message }, emailTaken ? 409 : 400);
    }
  });
}
