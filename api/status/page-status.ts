import type { ComponentStatus, IncidentImpact } from '../../db/schema/constants';

/** Statuspage's page indicator; `maintenance` is what Statuspage answers while work is under way. */
export type PageIndicator = 'none' | 'minor' | 'major' | 'critical' | 'maintenance';
export type PageStatus = { indicator: PageIndicator; description: string };

const rank: Record<Exclude<PageIndicator, 'maintenance'>, number> = { none: 0, minor: 1, major: 2, critical: 3 };

/** The indicator a component status implies on its own, as Statuspage maps them. */
const indicatorOfComponent: Record<ComponentStatus, Exclude<PageIndicator, 'maintenance'>> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** Statuspage's own wording for each indicator. */
export const pageStatusDescriptions: Record<PageIndicator, string> = {
  none: 'All Systems Operational',
  minor: 'Minor Service Outage',
  major: 'Partial System Outage',
  critical: 'Major Service Outage',
  maintenance: 'Service Under Maintenance',
};

/**
 * The overall status: the worse of what the shown component statuses imply and the impact of the
 * open incidents (an incident may affect no listed component and still matter). With nothing
 * wrong but work under way, the page says maintenance.
 */
export function pageStatus(input: {
  componentStatuses: readonly ComponentStatus[];
  openIncidentImpacts: readonly IncidentImpact[];
  maintenanceInProgress: boolean;
}): PageStatus {
  let indicator: Exclude<PageIndicator, 'maintenance'> = 'none';
  for (const status of input.componentStatuses) {
    const implied = indicatorOfComponent[status];
    if (rank[implied] > rank[indicator]) indicator = implied;
  }
  for (const impact of input.openIncidentImpacts) if (rank[impact] > rank[indicator]) indicator = impact;
  const underMaintenance = input.maintenanceInProgress || input.componentStatuses.includes('under_maintenance');
  const shown: PageIndicator = indicator === 'none' && underMaintenance ? 'maintenance' : indicator;
  return { indicator: shown, description: pageStatusDescriptions[shown] };
}
