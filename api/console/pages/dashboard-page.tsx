import type { Hono } from 'hono';
import type { DayCapacitySource } from '../../../db/schema/index';
import { listDeliveries } from '../../broadcast/outbox/list-deliveries';
import { findPendingUpdate } from '../../incidents/incident-records';
import { listIncidents } from '../../incidents/read-incidents';
import { nairobiDay } from '../../offices/nairobi-days';
import { officesClosedOn } from '../../offices/offices-closed-on';
import { signedInStaff } from '../auth/staff-session-middleware';
import type { ConsoleEnv } from '../console-env';
import { ConsolePage } from '../console-layout';
import { renderPage } from '../render-page';
import { IncidentTable } from './incident-table';
import { nairobiDayLabel, nairobiTime } from './nairobi-time';
import { staffNames } from './staff-names';

const closedBecause: Record<DayCapacitySource, string> = { weekend: 'weekend', holiday: 'public holiday', override: 'closed by staff', weekday: 'not served on this weekday' };
const listed = 100;

/** What a member of staff needs at a glance on the worst day: what is open, what waits for them, what is going out, whether the site is current. */
export function registerDashboardPage(app: Hono<ConsoleEnv>): void {
  app.get('/', async (c) => {
    const staff = signedInStaff(c);
    const { db, siteBuilds, now } = c.get('deps');
    const today = nairobiDay(now());
    const open = await listIncidents(db, { state: 'open', limit: listed, offset: 0 });
    const waiting = await listIncidents(db, { state: 'pending', limit: listed, offset: 0 });
    const pendingUpdates = await Promise.all(waiting.items.map(async (incident) => ({ incident, update: await findPendingUpdate(db, incident.id) })));
    const nameOf = await staffNames(db, pendingUpdates.flatMap(({ update }) => [update?.draftedBy ?? null, update?.approvedBy ?? null]));
    const { counts } = await listDeliveries(db, { limit: 0, offset: 0 });
    const site = siteBuilds.status();
    const closed = await officesClosedOn(db, today);
    const drafter = staff.user.role !== 'integration';
    return renderPage(
      c,
      <ConsolePage title="Dashboard" staff={staff} path="/console">
        <p class="meta">
          Today is {nairobiDayLabel(today)}. Times are Nairobi time (EAT, UTC+3).
        </p>
        {drafter ? (
          <p class="actions">
            <a class="button" href="/console/incidents/new?template=outage">
              Draft an outage notice
            </a>{' '}
            <a class="button secondary" href="/console/incidents/new?kind=maintenance&template=maintenance">
              Plan a maintenance
            </a>
          </p>
        ) : null}
        <h2>Open now</h2>
        {open.items.length ? <IncidentTable incidents={open.items} caption={`${open.total} open incidents and maintenances`} /> : <p>Nothing is open: every service is running.</p>}
        <h2>Waiting for approval</h2>
        {pendingUpdates.length ? (
          <ul>
            {pendingUpdates.map(({ incident, update }) => (
              <li>
                <a href={`/console/incidents/${encodeURIComponent(incident.id)}`}>{incident.name}</a>:{' '}
                {update?.state === 'approved' ? `approved by ${nameOf(update.approvedBy)}, ready to publish` : `drafted by ${nameOf(update?.draftedBy ?? null)}`}
                {update?.returnComment && update.state === 'draft' ? ' (sent back for changes)' : ''}
              </li>
            ))}
          </ul>
        ) : (
          <p>No update is waiting.</p>
        )}
        <h2>Messages</h2>
        <table>
          <caption>Every message Hali has queued, by state</caption>
          <thead>
            <tr>
              <th scope="col">Sent</th>
              <th scope="col">Dry run</th>
              <th scope="col">Pending</th>
              <th scope="col">Sending</th>
              <th scope="col">Failed</th>
              <th scope="col">Dead</th>
            </tr>
          </thead>
          <tbody>
            <tr>
              <td>{counts.sent}</td>
              <td>{counts.dry_run}</td>
              <td>{counts.pending}</td>
              <td>{counts.sending}</td>
              <td>{counts.failed}</td>
              <td>{counts.dead}</td>
            </tr>
          </tbody>
        </table>
        <h2>Public site</h2>
        <p>
          {site.building ? 'Rebuilding now. ' : ''}
          {site.lastGood ? `Last built ${nairobiTime(site.lastGood.at)}.` : 'Not built yet since the server started.'}
          {site.lastFailure && (!site.lastGood || site.lastFailure.at > site.lastGood.at) ? ` The last build failed (${site.lastFailure.error}); the previous site is still served.` : ''}
        </p>
        <h2>Offices closed today</h2>
        {closed.length ? (
          <ul>
            {closed.map((office) => (
              <li>
                <a href={`/console/offices/${encodeURIComponent(office.code)}`}>{office.name}</a>: {office.services.join(' and ')} ({office.holiday ?? closedBecause[office.why]})
              </li>
            ))}
          </ul>
        ) : (
          <p>Every office is open today.</p>
        )}
      </ConsolePage>,
    );
  });
}
