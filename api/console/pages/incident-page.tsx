import type { Context, Hono } from 'hono';
import { en } from '../../../site/i18n/en';
import { editIncident } from '../../incidents/edit-incident';
import { getIncidentDetail, type IncidentDetail } from '../../incidents/read-incidents';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { formText } from '../form-value';
import { renderPage } from '../render-page';
import { domainErrorView } from './domain-error-fields';
import { TextAreaField } from './form-controls';
import { nairobiDayLabel, nairobiTime } from './nairobi-time';
import { staffNames } from './staff-names';

const savedNotes: Record<string, string> = {
  draft: 'Saved. The update waits for a publisher to approve and publish it.',
  returned: 'Sent back to the drafter with your comment.',
  approved: 'Approved. It can be published now.',
  postmortem: 'Postmortem saved.',
};

/** One incident: its timeline, the update waiting (its state, who drafted and approved it) and what the viewer may do. */
async function incidentPage(c: Context<ConsoleEnv>, incident: IncidentDetail, options: { error?: string; postmortemError?: string; status?: 200 | 400 | 403 | 409 } = {}) {
  const staff = signedInStaff(c);
  const { db } = c.get('deps');
  const nameOf = await staffNames(db, incident.updates.flatMap((u) => [u.draftedBy, u.approvedBy, u.publishedBy, u.returnedBy]));
  const pending = incident.updates.find((u) => u.state !== 'published');
  const releaser = staff.user.role === 'publisher' || staff.user.role === 'admin';
  const drafter = staff.user.role !== 'integration';
  const saved = savedNotes[c.req.query('saved') ?? ''];
  const base = `/console/incidents/${incident.id}`;
  return renderPage(
    c,
    <ConsolePage title={incident.name} staff={staff} path="/console/incidents">
      {saved ? (
        <p class="notice ok" role="status">
          {saved}
        </p>
      ) : null}
      {options.error ? (
        <p class="notice error" role="alert">
          {options.error}
        </p>
      ) : null}
      <p>
        {incident.kind === 'maintenance' ? 'Planned maintenance' : 'Incident'} · {en.incidentStatus[incident.status]} · {en.impact[incident.impact]} ·{' '}
        {incident.publishedAt ? `public since ${nairobiTime(incident.publishedAt)}` : 'not public yet'}
      </p>
      <p class="meta">
        Disruption from {nairobiDayLabel(incident.disruptionFrom)}; expected restoration {nairobiDayLabel(incident.expectedRestoration)}.
      </p>
      <h2>Waiting for approval</h2>
      {pending ? (
        <div class="card">
          <p>
            <strong>{pending.state === 'approved' ? 'Approved, not yet published' : 'Draft'}</strong> · {en.incidentStatus[pending.status]} · drafted by{' '}
            {nameOf(pending.draftedBy)}
            {pending.approvedBy ? `, approved by ${nameOf(pending.approvedBy)}` : ''}
          </p>
          {pending.returnComment && pending.state === 'draft' ? (
            <div class="notice" role="note">
              <p>
                <strong>Sent back by {nameOf(pending.returnedBy)}</strong> ({nairobiTime(pending.returnedAt)}):
              </p>
              <p class="pre">{pending.returnComment}</p>
            </div>
          ) : null}
          <p class="pre">{pending.body}</p>
          <p class="actions">
            {drafter ? (
              <a class="button secondary" href={`${base}/updates/${pending.id}/edit`}>
                Edit the update
              </a>
            ) : null}{' '}
            {releaser ? (
              <a class="button" href={`${base}/review`}>
                Review, approve and publish
              </a>
            ) : null}
          </p>
        </div>
      ) : (
        <>
          <p>Nothing is waiting.</p>
          {drafter ? (
            <p class="actions">
              <a class="button" href={`${base}/updates/new`}>
                Post an update
              </a>{' '}
              <a class="button secondary" href={`${base}/updates/new?template=delayed`}>
                Restoration delayed
              </a>{' '}
              <a class="button secondary" href={`${base}/updates/new?template=restored`}>
                Resolve
              </a>
            </p>
          ) : null}
        </>
      )}
      {incident.publishedAt ? (
        <p>
          <a href={`${base}/progress`}>Messages sent for this incident</a>
        </p>
      ) : null}
      <h2>Timeline</h2>
      <ol class="timeline">
        {incident.updates
          .filter((u) => u.state === 'published')
          .map((update) => (
            <li>
              <p>
                <strong>{en.incidentStatus[update.status]}</strong> · published {nairobiTime(update.publishedAt)} by {nameOf(update.publishedBy)} · drafted by{' '}
                {nameOf(update.draftedBy)}, approved by {nameOf(update.approvedBy)}
              </p>
              <p class="pre">{update.body}</p>
            </li>
          ))}
      </ol>
      <h2>Postmortem</h2>
      {releaser ? (
        <ConsoleForm action={`${base}/postmortem`} csrf={staff.csrfToken}>
          <TextAreaField
            name="postmortem"
            label="Postmortem (Markdown)"
            value={incident.postmortem ?? ''}
            error={options.postmortemError}
            rows={10}
            hint="What happened, why, and what changes. Public on the incident's page once the incident is public; empty removes it."
          />
          <p>
            <button type="submit">Save postmortem</button>
          </p>
        </ConsoleForm>
      ) : incident.postmortem ? (
        <p class="pre">{incident.postmortem}</p>
      ) : (
        <p>None yet. A publisher writes it.</p>
      )}
    </ConsolePage>,
    options.status ?? 200,
  );
}

export function registerIncidentPage(app: Hono<ConsoleEnv>): void {
  app.get('/incidents/:id', async (c) => incidentPage(c, await getIncidentDetail(c.get('deps').db, c.req.param('id'))));

  app.post('/incidents/:id/postmortem', requireStaff(['publisher', 'admin']), async (c) => {
    const { db, siteBuilds } = c.get('deps');
    const id = c.req.param('id');
    try {
      const { publicChange } = await editIncident(db, id, { postmortem: formText(c.get('form'), 'postmortem').trim() || null }, consoleActionContext(c));
      if (publicChange) siteBuilds.schedule(`incident ${id}: postmortem saved`);
      return c.redirect(`/console/incidents/${id}?saved=postmortem`, 303);
    } catch (error) {
      const view = domainErrorView(error);
      return incidentPage(c, await getIncidentDetail(db, id), { error: view.message, postmortemError: view.fields.postmortem, status: 400 });
    }
  });
}
