import { closedIncidentStatuses, type ComponentStatus, type IncidentKind, type IncidentStatus } from '../../db/schema/constants';

/**
 * How bad each component status is, worst last. Maintenance is planned and announced, so any
 * unplanned trouble outranks it.
 */
const severity: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};

export function componentSeverity(status: ComponentStatus): number {
  return severity[status];
}

/** The worst of the given statuses; `operational` when there are none. */
export function worstComponentStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst: ComponentStatus = 'operational';
  for (const status of statuses) if (severity[status] > severity[worst]) worst = status;
  return worst;
}

const closed: readonly IncidentStatus[] = closedIncidentStatuses;

/**
 * An incident affects the page while it is published and not resolved or completed. A
 * maintenance that is only scheduled has not started, so it does not change any component yet.
 */
export function isIncidentOpen(incident: { kind: IncidentKind; status: IncidentStatus; publishedAt: string | null }): boolean {
  if (incident.publishedAt === null) return false;
  if (closed.includes(incident.status)) return false;
  return !(incident.kind === 'maintenance' && incident.status === 'scheduled');
}

/**
 * What the public sees for a component: the worst of the status staff set on it and the statuses
 * open incidents give it. When the incidents close, it falls back to its own status.
 */
export function shownComponentStatus(ownStatus: ComponentStatus, fromOpenIncidents: readonly ComponentStatus[]): ComponentStatus {
  return worstComponentStatus([ownStatus, ...fromOpenIncidents]);
}
