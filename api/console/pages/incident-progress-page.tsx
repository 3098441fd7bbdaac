import type { Context, Hono } from 'hono';
import type { DeliveryChannel, DeliveryRow } from '../../../db/schema/index';
import { summariseApplicantActions } from '../../applicants/summarise-applicant-actions';
import { incidentDeliveryProgress, shownFailures, type ChannelProgress, type IncidentDeliveryProgress } from '../../broadcast/outbox/incident-delivery-progress';
import { readXThread, type XThreadEntry } from '../../broadcast/outbox/list-deliveries';
import { retryDelivery, retryIncidentDeliveries } from '../../broadcast/outbox/retry-deliveries';
import type { SiteBuildStatus } from '../../dependencies';
import { getIncidentDetail, type IncidentDetail } from '../../incidents/read-incidents';
import { requireStaff, signedInStaff } from '../auth/staff-session-middleware';
import { consoleActionContext } from '../console-action-context';
import type { ConsoleEnv } from '../console-env';
import { ConsoleForm, ConsolePage } from '../console-layout';
import { renderPage } from '../render-page';
import { domainErrorView } from './domain-error-fields';
import { nairobiDayLabel, nairobiTime } from './nairobi-time';

const channelNames: Record<DeliveryChannel, string> = {
  applicant_email: 'Emails to applicants',
  subscriber_email: 'Emails to subscribers',
  x: 'Posts on X',
  webhook: 'Webhooks',
  booking_webhook: 'Booking system',
};

const done = (p: ChannelProgress) => p.sent + p.dry_run + p.superseded;

/** Whether the public site already shows the latest published update. */
function siteState(site: SiteBuildStatus, publishedAt: string | null): { done: boolean; text: string } {
  if (!publishedAt) return { done: true, text: 'Nothing published yet.' };
  if (site.lastGood && site.lastGood.at >= publishedAt) return { done: true, text: `Rebuilt ${nairobiTime(site.lastGood.at)}: the public page shows this update.` };
  if (site.lastFailure && site.lastFailure.at >= publishedAt) return { done: false, text: `The last build failed (${site.lastFailure.error}); the previous site is still served. It is tried again with the next change.` };
  return { done: false, text: site.building ? 'Rebuilding now…' : 'Waiting to rebuild…' };
}

const xPostUrl = (postId: string) => `https://x.com/i/web/status/${encodeURIComponent(postId)}`;

const XThread = ({ thread }: { thread: XThreadEntry[] }) =>
  thread.length === 0 ? (
    <p>No X posts for this incident.</p>
  ) : (
    <ol class="plain">
      {thread.map((post) => (
        <li>
          <strong>Post {post.sequence + 1}</strong>: {post.state === 'sent' && post.postId ? <a href={xPostUrl(post.postId)}>sent, view it on X</a> : post.state === 'dry_run' ? 'dry run (X is not configured; nothing was posted)' : post.state}
          {post.text ? <p class="pre">{post.text}</p> : null}
        </li>
      ))}
    </ol>
  );

const ChannelRow = ({ channel, progress }: { channel: DeliveryChannel; progress: ChannelProgress }) => (
  <tr>
    <th scope="row">{channelNames[channel]}</th>
    <td>{progress.total}</td>
    <td>{done(progress)}</td>
    <td>{progress.pending + progress.sending}</td>
    <td>{progress.failed + progress.dead}</td>
    <td>
      <progress max={Math.max(progress.total, 1)} value={done(progress)} aria-label={`${channelNames[channel]}: ${done(progress)} of ${progress.total} done`}>
        {done(progress)} of {progress.total}
      </progress>
    </td>
  </tr>
);

/** Drafters see what failed and why, never to whom an applicant email went. */
const recipientOf = (row: DeliveryRow, role: string) => (row.channel === 'applicant_email' && role === 'drafter' ? 'an applicant' : row.recipient);

async function progressBody(c: Context<ConsoleEnv>, incident: IncidentDetail) {
  const staff = signedInStaff(c);
  const { db, siteBuilds } = c.get('deps');
  const progress: IncidentDeliveryProgress = await incidentDeliveryProgress(db, incident.id);
  const thread = await readXThread(db, incident.id);
  await c.get('applicantVisits').flush();
  const actions = await summariseApplicantActions(db, incident.id);
  const latest = incident.updates.filter((u) => u.state === 'published').at(-1);
  const site = siteState(siteBuilds.status(), latest?.publishedAt ?? null);
  const finished = progress.settled && site.done;
  const used = (Object.keys(channelNames) as DeliveryChannel[]).filter((channel) => progress.channels[channel].total > 0);
  const retrier = staff.user.role === 'publisher' || staff.user.role === 'admin';
  const base = `/console/incidents/${incident.id}`;
  return (
    <div id="progress" data-progress-done={finished ? 'yes' : 'no'} aria-live="polite">
      <p class={finished ? 'notice ok' : 'notice'} role="status">
        {finished ? 'Done: every message has its final outcome and the public page is up to date.' : 'Still going out. This page refreshes by itself; or reload it.'}
      </p>
      <h2>Public status page</h2>
      <p>{site.text}</p>
      <h2>X</h2>
      <XThread thread={thread} />
      <h2>Messages</h2>
      {used.length === 0 ? (
        <p>No messages were queued for this incident.</p>
      ) : (
        <table>
          <caption>Per channel (sent includes dry runs when a provider is not configured)</caption>
          <thead>
            <tr>
              <th scope="col">Channel</th>
              <th scope="col">Queued</th>
              <th scope="col">Sent</th>
              <th scope="col">Pending</th>
              <th scope="col">Failed</th>
              <th scope="col">Progress</th>
            </tr>
          </thead>
          <tbody>
            {used.map((channel) => (
              <ChannelRow channel={channel} progress={progress.channels[channel]} />
            ))}
          </tbody>
        </table>
      )}
      <h2>Failed messages</h2>
      {progress.failures.length === 0 ? (
        <p>None.</p>
      ) : (
        <>
          {retrier ? (
            <ConsoleForm action={`${base}/progress/retry`} csrf={staff.csrfToken}>
              <button type="submit">Retry every failed message</button>
            </ConsoleForm>
          ) : null}
          <table>
            <caption>The latest {Math.min(progress.failures.length, shownFailures)}, with the provider's words</caption>
            <thead>
              <tr>
                <th scope="col">Channel</th>
                <th scope="col">To</th>
                <th scope="col">Why</th>
                <th scope="col">When</th>
                {retrier ? <th scope="col">Retry</th> : null}
              </tr>
            </thead>
            <tbody>
              {progress.failures.map((row) => (
                <tr>
                  <td>{channelNames[row.channel]}</td>
                  <td>{recipientOf(row, staff.user.role)}</td>
                  <td>{row.lastError ?? row.state}</td>
                  <td>{nairobiTime(row.updatedAt)}</td>
                  {retrier ? (
                    <td>
                      <ConsoleForm action={`${base}/progress/retry/${row.id}`} csrf={staff.csrfToken} class="inline">
                        <button type="submit" class="secondary" aria-label={`Retry the message to ${recipientOf(row, staff.user.role)}`}>
                          Retry
                        </button>
                      </ConsoleForm>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      <h2>Applicants</h2>
      <p>
        {actions.applicants.opened_link} opened their email's link, {actions.applicants.looked_up} looked up their appointment, {actions.applicants.chose_date} chose another date.
      </p>
      {actions.chosenDays.length ? (
        <ul>
          {actions.chosenDays.map((day) => (
            <li>
              {nairobiDayLabel(day.date)}: {day.choices} chosen
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

async function progressPage(c: Context<ConsoleEnv>, options: { error?: string; note?: string; status?: 200 | 404 | 409 } = {}) {
  const { db } = c.get('deps');
  const incident = await getIncidentDetail(db, c.req.param('id') ?? '');
  // The page's script asks for the body alone while messages go out.
  if (c.req.query('part') === 'body') return c.html(await progressBody(c, incident));
  return renderPage(
    c,
    <ConsolePage title={`Messages sent: ${incident.name}`} staff={signedInStaff(c)} path="/console/incidents">
      <p>
        <a href={`/console/incidents/${incident.id}`}>Back to the incident</a>
      </p>
      {options.error ? (
        <p class="notice error" role="alert">
          {options.error}
        </p>
      ) : null}
      {options.note ? (
        <p class="notice ok" role="status">
          {options.note}
        </p>
      ) : null}
      {await progressBody(c, incident)}
    </ConsolePage>,
    options.status ?? 200,
  );
}

const retriers = requireStaff(['publisher', 'admin']);

export function registerIncidentProgressPage(app: Hono<ConsoleEnv>): void {
  app.get('/incidents/:id/progress', (c) => progressPage(c, { note: c.req.query('retried') ? `${Number(c.req.query('retried')) || 0} messages are back in the queue.` : undefined }));

  app.post('/incidents/:id/progress/retry', retriers, async (c) => {
    const id = c.req.param('id');
    const requeued = await retryIncidentDeliveries(c.get('deps').db, id, consoleActionContext(c));
    return c.redirect(`/console/incidents/${id}/progress?retried=${requeued}`, 303);
  });

  app.post('/incidents/:id/progress/retry/:deliveryId', retriers, async (c) => {
    const id = c.req.param('id');
    try {
      const requeued = await retryDelivery(c.get('deps').db, c.req.param('deliveryId'), consoleActionContext(c));
      return c.redirect(`/console/incidents/${id}/progress?retried=${requeued}`, 303);
    } catch (error) {
      return progressPage(c, { error: domainErrorView(error).message, status: 409 });
    }
  });
}
