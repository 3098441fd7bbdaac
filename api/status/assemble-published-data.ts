import { latestTime } from './latest-time';
import { pageStatus } from './page-status';
import { publicComponents, publicGroups } from './public-components';
import { publicIncidents } from './public-incidents';
import type { PublishedData } from './public-model';
import type { PublishedRows } from './published-rows';

/** Turns published rows into the public read model, applying the status rules (pure). */
export function assemblePublishedData(rows: PublishedRows): PublishedData {
  const incidents = publicIncidents(rows);
  const components = publicComponents(rows.components, incidents);
  const groups = publicGroups(rows.groups, components);
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
    updatedAt: latestTime([...components.map((c) => c.updatedAt), ...groups.map((g) => g.updatedAt), ...incidents.map((i) => i.updatedAt)]),
  };
}
