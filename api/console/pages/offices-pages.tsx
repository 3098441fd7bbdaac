import type { Context, Hono } from 'hono';
import { appointmentServices, type AppointmentService, type WeeklyCapacity } from '../../../db/schema/index';
import { DomainError } from '../../domain-errors';
import { getOffice, listOffices, updateOffice, type OfficeView } from '../../offices/manage-offices';
import { nairobiDay } from '../../offices/nairobi-days';
import { listOfficeDays } from '../../offices/office-days';
import { clearOfficeOverride, setOfficeOverride } from '../../offices/office-overrides';
import { Field } from '../auth/field';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { humanWord } from './components-form-input';
import { domainErrorView, type FieldErrors } from './domain-error-fields';
import { SelectField } from './form-controls';
import { OfficeMonthTable } from './offices-calendar-table';
import { calendarMonth } from './offices-month';

/** Who reads the calendar and who changes capacity: as the staff API's offices operations. */
const readers = ['drafter', 'publisher', 'admin'] as const;
const editors = ['publisher', 'admin'] as const;
const weekdayNames = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

const doneMessages: Record<string, string> = {
  capacity: 'The weekly capacity was saved. Appointments already booked stay where they are.',
  override: 'The day was set.',
  cleared: 'The override was removed; the day follows the weekly capacity again.',
  nearby: 'The nearby office was saved. Applicants choosing another date see its free days from now on.',
};

type Problem = { message: string; fields?: FieldErrors; typed?: Record<string, string> };

const officePath = (code: string, month?: string, done?: string) =>
  `/console/offices/${encodeURIComponent(code)}${month || done ? `?${new URLSearchParams({ ...(month ? { month } : {}), ...(done ? { done } : {}) })}` : ''}`;

/** Offices: the list, and a month calendar per office and service that publishers and admins edit. */
export function registerOfficesPages(app: Hono<ConsoleEnv>): void {
  app.get('/offices', requireStaff(readers), async (c) => {
    const { items } = await listOffices(c.get('deps').db, { limit: 500, offset: 0 });
    return renderPage(
      c,
      <ConsolePage title="Offices" staff={signedInStaff(c)} path="/console/offices">
        <p>Open an office for its month calendar: places per day and service, what is booked, closed days, public holidays and days set by staff.</p>
        <div class="table-wrap">
          <table>
            <caption class="vh">Offices</caption>
            <thead>
              <tr>
                <th scope="col">Office</th>
                <th scope="col">Code</th>
                <th scope="col">Address</th>
                <th scope="col">Days set by staff</th>
              </tr>
            </thead>
            <tbody>
              {items.map((office) => (
                <tr>
                  <td>
                    <a href={officePath(office.code)}>{office.name}</a>
                  </td>
                  <td>{office.code}</td>
                  <td>{office.address || '—'}</td>
                  <td>{office.overrides.length}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {items.length === 0 ? <p>No offices yet (add them with the staff API or `npm run offices -- add`).</p> : null}
      </ConsolePage>,
    );
  });

  const calendarPage = async (c: Context<ConsoleEnv>, office: OfficeView, monthKey: string | undefined, problem?: Problem) => {
    const staff = signedInStaff(c);
    const { db, now } = c.get('deps');
    const month = calendarMonth(monthKey, now());
    const days = new Map((await listOfficeDays(db, office.code, month.first, month.last)).map((day) => [day.date, day]));
    const canEdit = (editors as readonly string[]).includes(staff.user.role);
    const others = canEdit ? (await listOffices(db, { limit: 500, offset: 0 })).items.filter((other) => other.code !== office.code) : [];
    const done = doneMessages[c.req.query('done') ?? ''];
    const typed = problem?.typed ?? {};
    const fields = problem?.fields ?? {};
    return renderPage(
      c,
      <ConsolePage title={`${office.name} (${office.code})`} staff={staff} path="/console/offices">
        <p>
          <a href="/console/offices">All offices</a>
        </p>
        {done ? (
          <p class="notice ok" role="status">
            {done}
          </p>
        ) : null}
        {problem ? (
          <p class="notice error" role="alert">
            {problem.message}
          </p>
        ) : null}
        <nav aria-label="Month" class="month-nav">
          <a href={officePath(office.code, month.previous)} rel="prev">
            Previous month
          </a>
          <span aria-live="polite">{month.label}</span>
          <a href={officePath(office.code, month.next)} rel="next">
            Next month
          </a>
        </nav>
        <p class="hint">Each day shows the places booked out of the places open. Days in Nairobi time; today is outlined.</p>
        {appointmentServices.map((service) => (
          <OfficeMonthTable month={month} service={service} days={days} today={nairobiDay(now())} />
        ))}
        {canEdit ? (
          <>
            <h2>Set one day</h2>
            <p>Close a day (0 places) or open extra places, even on a weekend or a public holiday (a surge day).</p>
            <ConsoleForm action={`${officePath(office.code)}/overrides`} csrf={staff.csrfToken}>
              <input type="hidden" name="month" value={month.key} />
              <Field name="date" label="Day" type="date" value={typed.date ?? ''} error={fields.date} required />
              <SelectField name="service" label="Service" value={typed.service ?? 'application'} options={appointmentServices.map((s) => ({ value: s, label: humanWord(s) }))} />
              <Field name="capacity" label="Places that day" type="number" inputmode="numeric" value={typed.capacity ?? ''} error={fields.capacity} hint="0 closes the office for this service that day." required />
              <Field name="note" label="Note" value={typed.note ?? ''} hint="Optional, for colleagues: why." />
              <p>
                <button type="submit">Set the day</button>
              </p>
            </ConsoleForm>
            <h2>Days set by staff</h2>
            {office.overrides.length === 0 ? <p>None.</p> : null}
            <ul class="plain">
              {office.overrides.map((override) => (
                <li>
                  <ConsoleForm action={`${officePath(office.code)}/overrides/remove`} csrf={staff.csrfToken} class="inline">
                    <input type="hidden" name="date" value={override.date} />
                    <input type="hidden" name="service" value={override.service} />
                    <input type="hidden" name="month" value={month.key} />
                    {override.date}, {humanWord(override.service)}: {override.capacity === 0 ? 'closed' : `${override.capacity} places`}
                    {override.note ? ` (${override.note})` : ''}{' '}
                    <button type="submit" class="secondary">
                      Remove<span class="vh"> the override of {override.date} for {override.service}</span>
                    </button>
                  </ConsoleForm>
                </li>
              ))}
            </ul>
            <h2>Nearby office</h2>
            <p>Where the department allows it, applicants of this office choosing another date are also offered the free days of one nearby office.</p>
            <ConsoleForm action={`${officePath(office.code)}/nearby`} csrf={staff.csrfToken}>
              <input type="hidden" name="month" value={month.key} />
              <SelectField
                name="nearby_office"
                label="Nearby office"
                value={typed.nearby_office ?? office.nearbyOffice ?? ''}
                options={[{ value: '', label: 'None' }, ...others.map((other) => ({ value: other.code, label: `${other.name} (${other.code})` }))]}
              />
              <p>
                <button type="submit">Save the nearby office</button>
              </p>
            </ConsoleForm>
            <h2>Places per weekday</h2>
            <ConsoleForm action={`${officePath(office.code)}/capacity`} csrf={staff.csrfToken}>
              <input type="hidden" name="month" value={month.key} />
              {appointmentServices.map((service) => (
                <fieldset class="week">
                  <legend>{humanWord(service)}</legend>
                  {weekdayNames.map((name, i) => (
                    <div>
                      <label for={`${service}-${i}`}>{name}</label>
                      <input id={`${service}-${i}`} name={`${service}-${i}`} type="number" inputmode="numeric" min="0" value={typed[`${service}-${i}`] ?? String(office.capacity[service][i])} />
                    </div>
                  ))}
                </fieldset>
              ))}
              <p class="hint">Saturdays and Sundays stay closed (0) unless you set a single day above.</p>
              <p>
                <button type="submit">Save places per weekday</button>
              </p>
            </ConsoleForm>
          </>
        ) : null}
      </ConsolePage>,
      problem ? 400 : 200,
    );
  };

  const withOffice = async (c: Context<ConsoleEnv>, then: (office: OfficeView) => Promise<Response>) => {
    let office: OfficeView;
    try {
      office = await getOffice(c.get('deps').db, c.req.param('code') ?? '');
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
      return renderPage(
        c,
        <ConsolePage title="No such office" staff={signedInStaff(c)} path="/console/offices">
          <p>
            <a href="/console/offices">All offices</a>
          </p>
        </ConsolePage>,
        404,
      );
    }
    return then(office);
  };

  /** Runs a change; a refusal re-renders the calendar with the message and what was typed. */
  const change = async (c: Context<ConsoleEnv>, office: OfficeView, run: () => Promise<unknown>, done: string, month: string) => {
    const form = c.get('form');
    try {
      await run();
    } catch (error) {
      const view = domainErrorView(error);
      const typed = Object.fromEntries(Object.keys(form).map((name) => [name, formText(form, name)]));
      return calendarPage(c, await getOffice(c.get('deps').db, office.code), formText(form, 'month'), { message: view.message, fields: view.fields, typed });
    }
    return c.redirect(officePath(office.code, month, done), 303);
  };

  app.get('/offices/:code', requireStaff(readers), (c) => withOffice(c, (office) => calendarPage(c, office, c.req.query('month'))));

  app.post('/offices/:code/overrides', requireStaff(editors), (c) =>
    withOffice(c, (office) => {
      const form = c.get('form');
      const date = formText(form, 'date');
      const service = formText(form, 'service') as AppointmentService;
      const capacityText = formText(form, 'capacity').trim();
      return change(
        c,
        office,
        async () => {
          // The domain checks the date, the service's office and the number; an empty box is not 0.
          if (capacityText === '') throw new DomainError('invalid', 'Give the number of places (0 closes the day).', { errors: [{ field: 'capacity', message: 'Give a whole number, 0 or more.' }] });
          await setOfficeOverride(c.get('deps').db, { code: office.code, date, service }, { capacity: Number(capacityText), note: formText(form, 'note').trim() || null }, consoleActionContext(c));
        },
        'override',
        date.slice(0, 7),
      );
    }),
  );

  app.post('/offices/:code/overrides/remove', requireStaff(editors), (c) =>
    withOffice(c, (office) => {
      const form = c.get('form');
      const target = { code: office.code, date: formText(form, 'date'), service: formText(form, 'service') as AppointmentService };
      return change(c, office, () => clearOfficeOverride(c.get('deps').db, target, consoleActionContext(c)), 'cleared', formText(form, 'month'));
    }),
  );

  app.post('/offices/:code/nearby', requireStaff(editors), (c) =>
    withOffice(c, (office) => {
      const form = c.get('form');
      const nearbyOffice = formText(form, 'nearby_office') || null;
      return change(c, office, () => updateOffice(c.get('deps').db, office.code, { nearbyOffice }, consoleActionContext(c)), 'nearby', formText(form, 'month'));
    }),
  );

  app.post('/offices/:code/capacity', requireStaff(editors), (c) =>
    withOffice(c, (office) => {
      const form = c.get('form');
      const week = (service: AppointmentService) => weekdayNames.map((_, i) => Number(formText(form, `${service}-${i}`).trim() || 'NaN')) as WeeklyCapacity;
      const capacity = { application: week('application'), collection: week('collection') };
      return change(c, office, () => updateOffice(c.get('deps').db, office.code, { capacity }, consoleActionContext(c)), 'capacity', formText(form, 'month'));
    }),
  );
}
