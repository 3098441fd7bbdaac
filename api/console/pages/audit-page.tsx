import type { Hono } from 'hono';
import type { AuditLogRow } from '../../../db/schema/index';
import { listAuditActions } from '../../audit/list-audit-actions';
import { listAuditEntries } from '../../audit/list-audit-entries';
import { listStaffAccounts } from '../../staff/staff-accounts';
import { Field } from '../auth/field';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import type { ConsoleEnv } from '../console-env';
import { ConsolePage } from '../console-layout';
import { renderPage } from '../render-page';
import { auditFilters, auditPageHref, auditPageSize } from './audit-filters';
import { SelectField } from './form-controls';
import { nairobiTime } from './nairobi-time';
import { staffNames } from './staff-names';

/** As GET /api/v1/audit: the whole log is for admins. */
const readers = ['admin'] as const;
/** Accounts the "who" filter lists; a service has tens of staff, not thousands. */
const accountChoices = { limit: 500, offset: 0 };

/** An entry's detail (ids, counts, reasons; never personal data) as `name: value` pairs. */
const detailText = (detail: AuditLogRow['detail']) =>
  detail ? Object.entries(detail).map(([name, value]) => `${name}: ${typeof value === 'string' ? value : JSON.stringify(value)}`).join('; ') : '—';

/** The audit log, newest first, filtered by who, what and Nairobi days, a page at a time. */
export function registerAuditPage(app: Hono<ConsoleEnv>): void {
  app.get('/audit', requireStaff(readers), async (c) => {
    const { db } = c.get('deps');
    const { values, query, errors } = auditFilters((name) => c.req.query(name));
    const [accounts, actions, page] = await Promise.all([
      listStaffAccounts(db, accountChoices),
      listAuditActions(db),
      query ? listAuditEntries(db, query) : Promise.resolve({ items: [], total: 0 }),
    ]);
    const who = await staffNames(db, page.items.map((entry) => entry.userId));
    const pages = Math.max(1, Math.ceil(page.total / auditPageSize));
    return renderPage(
      c,
      <ConsolePage title="Audit log" staff={signedInStaff(c)} path="/console/audit">
        <p>Every change made in the console or through the staff API, newest first, with the person who made it. Times are Nairobi time (EAT, UTC+3).</p>
        {query ? null : (
          <p class="notice error" role="alert">
            The log was not searched. Correct the fields marked below.
          </p>
        )}
        <form method="get" action="/console/audit" class="filters" role="search" aria-label="Filter the audit log">
          <SelectField
            name="account"
            label="Who"
            value={values.account}
            options={[{ value: '', label: 'Anyone' }, ...accounts.items.map((account) => ({ value: account.id, label: `${account.name} (${account.role})` }))]}
          />
          <SelectField name="action" label="What" value={values.action} options={[{ value: '', label: 'Any action' }, ...actions.map((action) => ({ value: action, label: action }))]} />
          <Field name="from" label="From (Nairobi day)" type="date" value={values.from} error={errors.from} />
          <Field name="to" label="To (Nairobi day, included)" type="date" value={values.to} error={errors.to} />
          <p>
            <button type="submit">Show entries</button> <a href="/console/audit">Clear the filters</a>
          </p>
        </form>
        {query ? (
          <>
            <p role="status">
              {page.total === 1 ? '1 entry' : `${page.total} entries`}
              {page.total > auditPageSize ? `; page ${values.page} of ${pages}` : ''}.
            </p>
            {page.items.length > 0 ? (
              <div class="table-wrap" tabindex={0} role="region" aria-label="Audit entries">
                <table>
                  <caption class="vh">Audit entries, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">When</th>
                      <th scope="col">Who</th>
                      <th scope="col">What</th>
                      <th scope="col">On</th>
                      <th scope="col">Detail</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((entry) => (
                      <tr>
                        <td>
                          <time datetime={entry.at}>{nairobiTime(entry.at)}</time>
                        </td>
                        <td>
                          {who(entry.userId)}
                          {entry.tokenId ? <span class="meta"> (API token)</span> : null}
                        </td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td>
                          {entry.targetType}
                          {entry.targetId ? (
                            <>
                              {' '}
                              <code>{entry.targetId}</code>
                            </>
                          ) : null}
                        </td>
                        <td class="detail">{detailText(entry.detail)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            ) : (
              <p>No entries match.</p>
            )}
            {pages > 1 ? (
              <nav aria-label="Pages of the audit log" class="month-nav">
                {values.page > 1 ? (
                  <a href={auditPageHref(values, values.page - 1)} rel="prev">
                    Newer entries
                  </a>
                ) : null}
                {values.page < pages ? (
                  <a href={auditPageHref(values, values.page + 1)} rel="next">
                    Older entries
                  </a>
                ) : null}
              </nav>
            ) : null}
          </>
        ) : null}
      </ConsolePage>,
      query ? 200 : 400,
    );
  });
}
