import { en } from '../../../site/i18n/en';
import type { IncidentSummary } from '../../incidents/read-incidents';
import { nairobiTime } from './nairobi-time';

/** Incidents as staff scan them: name (to its page), kind, status, impact, public since, whether an update waits. */
export const IncidentTable = ({ incidents, caption }: { incidents: IncidentSummary[]; caption: string }) => (
  <table>
    <caption>{caption}</caption>
    <thead>
      <tr>
        <th scope="col">Incident</th>
        <th scope="col">Status</th>
        <th scope="col">Impact</th>
        <th scope="col">Public since</th>
        <th scope="col">Waiting</th>
      </tr>
    </thead>
    <tbody>
      {incidents.map((incident) => (
        <tr>
          <td>
            <a href={`/console/incidents/${encodeURIComponent(incident.id)}`}>{incident.name}</a>
            {incident.kind === 'maintenance' ? ' (maintenance)' : ''}
          </td>
          <td>{en.incidentStatus[incident.status]}</td>
          <td>{en.impact[incident.impact]}</td>
          <td>{incident.publishedAt ? nairobiTime(incident.publishedAt) : 'not public yet'}</td>
          <td>{incident.pendingUpdateId ? 'an update waits for approval' : '—'}</td>
        </tr>
      ))}
    </tbody>
  </table>
);
