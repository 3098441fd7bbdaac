import { latestTime } from './latest-time';
import { pageStatus } from './page-status';
import { publicComponents, publicGroups } from './public-components';
import { publicIncidents } from './public-incidents';
import type { PublicIncident, PublishedData } from './public-model';
import type { PublishedRows } from './published-rows';

/** Turns published rows into the public read model, applying the status rules (pure). */
export function assemblePublishedData(rows: PublishedRows): PublishedData {
  const incidents = publicIncidents(rows);
  return publishedDataOf(rows.components, rows.groups, incidents, latestTime(incidents.map((i) => i.updatedAt)));
}

/**
 * The public read model from the components, the groups and the incidents to show (all, or only
 * those a page can show, api/site/build/site-model.ts); `lastIncidentChange` is the newest change
 * among all incidents, shown or not.
 */
export function publishedDataOf(
  componentRows: PublishedRows['components'],
  groupRows: PublishedRows['groups'],
  incidents: PublicIncident[],
  lastIncidentChange: string | null,
): PublishedData {
  const components = publicComponents(componentRows, incidents);
  const groups = publicGroups(groupRows, components);
  const open = incidents.filter((i) => i.open);
  return {
    components,
    groups,
    incidents,
    status: pageStatus({
      componentStatuses: components.map((c) => c.status),
      openIncidentImpacts: open.filter((i) => i.kind === 'incident').map((i) => i.impact),
      maintenanceInProgress: open.some((i) => i.kind === 'maintenance'),
    }),
    updatedAt: latestTime([...components.map((c) => c.updatedAt), ...groups.map((g) => g.updatedAt), lastIncidentChange]),
  };
}
