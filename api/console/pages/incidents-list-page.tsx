import type { Hono } from 'hono';
import { incidentStates, listIncidents, type IncidentState } from '../../incidents/read-incidents';
import { signedInStaff } from '../auth/staff-session-middleware';
import type { ConsoleEnv } from '../console-env';
import { ConsolePage } from '../console-layout';
import { renderPage } from '../render-page';
import { IncidentTable } from './incident-table';

const pageSize = 50;
const filterNames: Record<IncidentState | 'all', string> = { all: 'All', open: 'Open', pending: 'Waiting for approval', draft: 'Not public yet', closed: 'Resolved' };

/** Every incident and maintenance, newest first, filtered by where it stands. */
export function registerIncidentsListPage(app: Hono<ConsoleEnv>): void {
  app.get('/incidents', async (c) => {
    const staff = signedInStaff(c);
    const asked = c.req.query('state') ?? 'all';
    const state = (incidentStates as readonly string[]).includes(asked) ? (asked as IncidentState) : undefined;
    const page = Math.max(1, Math.min(10_000, Number.parseInt(c.req.query('page') ?? '1', 10) || 1));
    const { items, total } = await listIncidents(c.get('deps').db, { state, limit: pageSize, offset: (page - 1) * pageSize });
    const link = (p: number) => `/console/incidents?state=${state ?? 'all'}&page=${p}`;
    return renderPage(
      c,
      <ConsolePage title="Incidents" staff={staff} path="/console/incidents">
        {staff.user.role !== 'integration' ? (
          <p class="actions">
            <a class="button" href="/console/incidents/new?template=outage">
              Draft an outage notice
            </a>{' '}
            <a class="button secondary" href="/console/incidents/new?kind=maintenance&template=maintenance">
              Plan a maintenance
            </a>
          </p>
        ) : null}
        <nav aria-label="Filter incidents">
          <ul class="plain inline-list">
            {Object.entries(filterNames).map(([key, label]) => (
              <li>
                <a href={`/console/incidents?state=${key}`} aria-current={(state ?? 'all') === key ? 'page' : undefined}>
                  {label}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {items.length ? <IncidentTable incidents={items} caption={`${total} incidents, newest first`} /> : <p>No incidents here.</p>}
        <p>
          {page > 1 ? <a href={link(page - 1)}>Newer</a> : null} {page * pageSize < total ? <a href={link(page + 1)}>Older</a> : null}
        </p>
      </ConsolePage>,
    );
  });
}
