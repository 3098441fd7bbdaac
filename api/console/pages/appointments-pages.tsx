import type { Context, Hono } from 'hono';
import type { AppointmentView } from '../../appointments/appointment-view';
import { importAppointments, type ImportResult } from '../../appointments/import-appointments';
import { moveAppointmentByHand } from '../../appointments/move-appointment-by-hand';
import { getAppointment } from '../../appointments/read-appointments';
import { DomainError } from '../../domain-errors';
import { MoveBodySchema } from '../../routes/appointments/schema';
import { Field } from '../auth/field';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { humanWord } from './components-form-input';
import { domainErrorView, type FieldErrors } from './domain-error-fields';
import { fileSlices } from './appointments-file-slices';
import { ImportReport } from './appointments-import-report';
import { appointmentEditors } from './appointments-roles';
import { appointmentUploadPath } from './appointments-upload-guard';
import { nairobiDayLabel, nairobiTime } from './nairobi-time';
import { staffNames } from './staff-names';

const csvHeader = 'reference,full_name,email,language,service,office,appointment_date';
const appointmentPath = (reference: string) => `/console/appointments/${encodeURIComponent(reference)}`;

function describeBytes(bytes: number): string {
  return bytes % 1_048_576 === 0 ? `${bytes / 1_048_576} MB` : `${bytes.toLocaleString('en')} bytes`;
}

type UploadOutcome = { result: ImportResult; fileName: string } | { fileError: string };

/**
 * Appointments (publishers and admins, as in the staff API): upload the booking system's CSV over
 * the same import as POST /api/v1/appointments/import, look one up by reference, see its moves
 * and move it by hand over the same domain function as POST /api/v1/appointments/{reference}/move.
 */
export function registerAppointmentsPages(app: Hono<ConsoleEnv>): void {
  const indexPage = (c: Context<ConsoleEnv>, outcome?: UploadOutcome, status: 200 | 400 | 422 = 200) => {
    const staff = signedInStaff(c);
    const fileError = outcome && 'fileError' in outcome ? outcome.fileError : null;
    const maxBytes = describeBytes(c.get('deps').config.importMaxBytes);
    return renderPage(
      c,
      <ConsolePage title="Appointments" staff={staff} path="/console/appointments">
        {outcome && 'result' in outcome ? <ImportReport result={outcome.result} fileName={outcome.fileName} /> : null}
        <h2>Find an appointment</h2>
        <form method="get" action="/console/appointments" role="search">
          <Field name="reference" label="Reference" type="search" hint="As the booking system printed it, e.g. NYH-2026-000123." required />
          <p>
            <button type="submit">Find</button>
          </p>
        </form>
        <h2>Import from the booking system</h2>
        <p>
          Upload a CSV file saved as UTF-8 with the header <code>{csvHeader}</code> (dates as YYYY-MM-DD). A known reference is updated, never duplicated. If any
          row has a problem, nothing is imported and every problem is listed by line.
        </p>
        <ConsoleForm action={`/console${appointmentUploadPath}`} csrf={staff.csrfToken} enctype="multipart/form-data">
          <div>
            <label for="file">CSV file</label>
            <p class="hint" id="file-hint">
              At most {maxBytes}. In Excel choose “CSV UTF-8”.
            </p>
            {fileError ? (
              <p class="field-error" id="file-error">
                {fileError}
              </p>
            ) : null}
            <input
              id="file"
              name="file"
              type="file"
              accept=".csv,text/csv"
              required
              aria-invalid={fileError ? 'true' : undefined}
              aria-describedby={fileError ? 'file-hint file-error' : 'file-hint'}
            />
          </div>
          <p>
            <button type="submit">Import the file</button>
          </p>
        </ConsoleForm>
      </ConsolePage>,
      status,
    );
  };

  app.get('/appointments', requireStaff(appointmentEditors), (c) => {
    // The lookup box is a plain GET form, so the reference arrives as a query and goes into the path here.
    const reference = (c.req.query('reference') ?? '').trim();
    if (reference) return c.redirect(appointmentPath(reference), 303);
    return indexPage(c);
  });

  app.post(appointmentUploadPath, requireStaff(appointmentEditors), async (c) => {
    const file = c.get('form').file;
    if (!(file instanceof File) || file.size === 0) return indexPage(c, { fileError: 'Choose a CSV file to import (the one chosen was empty).' }, 400);
    const result = await importAppointments(c.get('deps').db, fileSlices(file), { skipInvalid: false, source: 'console' }, consoleActionContext(c));
    return indexPage(c, { result, fileName: file.name || 'The file' }, result.committed ? 200 : 422);
  });

  const appointmentPage = async (
    c: Context<ConsoleEnv>,
    appointment: AppointmentView,
    form?: { typed: { date: string; reason: string }; fields: FieldErrors; message: string; status: 400 | 409 },
  ) => {
    const staff = signedInStaff(c);
    const whoName = await staffNames(c.get('deps').db, appointment.moves.map((move) => move.movedBy));
    const moved = c.req.query('done') === 'moved';
    return renderPage(
      c,
      <ConsolePage title={`Appointment ${appointment.reference}`} staff={staff} path="/console/appointments">
        <p>
          <a href="/console/appointments">All appointments</a>
        </p>
        {moved ? (
          <p class="notice ok" role="status">
            The appointment was moved to {nairobiDayLabel(appointment.appointmentDate)}; the applicant will get one email about it.
          </p>
        ) : null}
        {form ? (
          <p class="notice error" role="alert">
            {form.message}
          </p>
        ) : null}
        <dl class="facts">
          <dt>Date</dt>
          <dd>
            {nairobiDayLabel(appointment.appointmentDate)} (<time datetime={appointment.appointmentDate}>{appointment.appointmentDate}</time>)
          </dd>
          <dt>Office</dt>
          <dd>{appointment.office}</dd>
          <dt>Service</dt>
          <dd>{humanWord(appointment.service)}</dd>
          <dt>State</dt>
          <dd>{humanWord(appointment.status)}</dd>
          <dt>Applicant</dt>
          <dd>{appointment.fullName}</dd>
          <dt>Email</dt>
          <dd>{appointment.email}</dd>
          <dt>Language of emails</dt>
          <dd>{appointment.language === 'sw' ? 'Swahili' : 'English'}</dd>
        </dl>
        <h2>Moves</h2>
        {appointment.moves.length === 0 ? (
          <p>Never moved.</p>
        ) : (
          <div class="table-wrap" tabindex={0} role="region" aria-label="Moves">
            <table>
              <caption class="vh">Moves of {appointment.reference}, oldest first</caption>
              <thead>
                <tr>
                  <th scope="col">From</th>
                  <th scope="col">To</th>
                  <th scope="col">Reason</th>
                  <th scope="col">When</th>
                  <th scope="col">Who</th>
                </tr>
              </thead>
              <tbody>
                {appointment.moves.map((move) => (
                  <tr>
                    <td>{move.from}</td>
                    <td>{move.to}</td>
                    <td>{move.reason}</td>
                    <td>{nairobiTime(move.at)}</td>
                    <td>
                      {whoName(move.movedBy)}
                      {move.incidentId ? (
                        <>
                          {', for '}
                          <a href={`/console/incidents/${encodeURIComponent(move.incidentId)}`}>the incident</a>
                        </>
                      ) : (
                        ', by hand'
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {appointment.status === 'cancelled' ? (
          <p>This appointment is cancelled in the booking system; it cannot be moved.</p>
        ) : (
          <>
            <h2>Move it by hand</h2>
            <p>The day must be open at office {appointment.office} for this service, outside any open outage, with a free place. The applicant gets one email.</p>
            <ConsoleForm action={`${appointmentPath(appointment.reference)}/move`} csrf={staff.csrfToken}>
              <Field name="date" label="New date" type="date" value={form?.typed.date ?? ''} error={form?.fields.date} required />
              <Field name="reason" label="Reason" value={form?.typed.reason ?? ''} error={form?.fields.reason} hint="Kept in the history and the audit log, e.g. “Applicant asked for a later day”." required />
              <p>
                <button type="submit">Move the appointment</button>
              </p>
            </ConsoleForm>
          </>
        )}
      </ConsolePage>,
      form?.status ?? 200,
    );
  };

  /** Loads the appointment the path names, or answers the 404 page. */
  const withAppointment = async (c: Context<ConsoleEnv>, then: (appointment: AppointmentView) => Promise<Response>) => {
    const reference = c.req.param('reference') ?? '';
    let appointment: AppointmentView;
    try {
      appointment = await getAppointment(c.get('deps').db, reference);
    } catch (error) {
      if (!(error instanceof DomainError && error.kind === 'not_found')) throw error;
      return renderPage(
        c,
        <ConsolePage title="No such appointment" staff={signedInStaff(c)} path="/console/appointments">
          <p>No appointment has the reference “{reference}”. Check it against the booking system, or import its file first.</p>
          <p>
            <a href="/console/appointments">Back to appointments</a>
          </p>
        </ConsolePage>,
        404,
      );
    }
    return then(appointment);
  };

  app.get('/appointments/:reference', requireStaff(appointmentEditors), (c) => withAppointment(c, (appointment) => appointmentPage(c, appointment)));

  app.post('/appointments/:reference/move', requireStaff(appointmentEditors), (c) =>
    withAppointment(c, async (appointment) => {
      const form = c.get('form');
      const typed = { date: formText(form, 'date'), reason: formText(form, 'reason') };
      // The API's own rules for a move request, so both say the same about a bad date or reason.
      const checked = MoveBodySchema.safeParse(typed);
      if (!checked.success) {
        const fields: FieldErrors = {};
        for (const issue of checked.error.issues) fields[String(issue.path[0])] ??= issue.message;
        return appointmentPage(c, appointment, { typed, fields, message: 'The appointment was not moved. Correct the fields marked below.', status: 400 });
      }
      try {
        await moveAppointmentByHand(c.get('deps').db, appointment.reference, checked.data, consoleActionContext(c));
      } catch (error) {
        const view = domainErrorView(error);
        // The domain refuses a move for its day (closed, full, past, disrupted): that message belongs beside the date.
        const fields = Object.keys(view.fields).length > 0 ? view.fields : { date: view.message };
        return appointmentPage(c, await getAppointment(c.get('deps').db, appointment.reference), { typed, fields, message: 'The appointment was not moved.', status: 409 });
      }
      return c.redirect(`${appointmentPath(appointment.reference)}?done=moved`, 303);
    }),
  );
}
