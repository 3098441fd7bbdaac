import { closedIncidentStatuses, type ComponentStatus, type IncidentStatus } from '../../db/schema/constants';
import type { PublicIncident } from './public-model';

/** A stretch of time during which one published incident gave a component a status. */
export type StatusSpan = {
  /** Milliseconds since the epoch; `to` is exclusive. */
  from: number;
  to: number;
  status: ComponentStatus;
  /** Planned maintenance is announced ahead, so it never counts against uptime. */
  maintenance: boolean;
};

const closed: readonly IncidentStatus[] = closedIncidentStatuses;

/**
 * The statuses published incidents gave one component, read from their published updates: each
 * update's status for the component holds from its publication until the next update, the
 * resolution, or `now` while the incident is open. An update that does not name the component
 * keeps what the one before said. A maintenance only scheduled has not started yet.
 */
export function componentStatusSpans(componentId: string, incidents: readonly PublicIncident[], now: Date): StatusSpan[] {
  const spans: StatusSpan[] = [];
  const end = now.getTime();
  for (const incident of incidents) {
    const resolvedAt = incident.resolvedAt === null ? end : Math.min(end, Date.parse(incident.resolvedAt));
    let status: ComponentStatus | undefined;
    incident.updates.forEach((update, index) => {
      status = update.components[componentId] ?? status;
      if (status === undefined || status === 'operational' || closed.includes(update.status) || update.status === 'scheduled') return;
      const next = incident.updates[index + 1];
      const from = Date.parse(update.publishedAt);
      const to = Math.min(next ? Date.parse(next.publishedAt) : resolvedAt, resolvedAt);
      if (to > from) spans.push({ from, to, status, maintenance: incident.kind === 'maintenance' });
    });
  }
  return spans;
}
