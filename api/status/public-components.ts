import type { ComponentStatus } from '../../db/schema/constants';
import type { PublishedRows } from './published-rows';
import { shownComponentStatus, worstComponentStatus } from './component-status';
import type { PublicComponent, PublicGroup, PublicIncident } from './public-model';

const byPosition = (a: { position: number; name: string }, b: { position: number; name: string }) =>
  a.position - b.position || a.name.localeCompare(b.name);

/** Per component, the statuses the open incidents give it. */
function statusesFromOpenIncidents(incidents: PublicIncident[]): Map<string, ComponentStatus[]> {
  const statuses = new Map<string, ComponentStatus[]>();
  for (const incident of incidents) {
    if (!incident.open) continue;
    for (const { componentId, status } of incident.affected) statuses.set(componentId, [...(statuses.get(componentId) ?? []), status]);
  }
  return statuses;
}

/** The components in page order, each showing the worst of its own status and its open incidents'. */
export function publicComponents(rows: PublishedRows['components'], incidents: PublicIncident[]): PublicComponent[] {
  const fromOpenIncidents = statusesFromOpenIncidents(incidents);
  return rows
    .map((c) => ({
      id: c.id,
      name: c.name,
      nameSw: c.nameSw,
      description: c.description,
      groupId: c.groupId,
      position: c.position,
      ownStatus: c.status,
      status: shownComponentStatus(c.status, fromOpenIncidents.get(c.id) ?? []),
      showcase: c.showcase,
      onlyShowIfDegraded: c.onlyShowIfDegraded,
      service: c.service,
      startDate: c.startDate,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    }))
    .sort(byPosition);
}

/** The groups in page order, each with its members (in page order) and their worst status. */
export function publicGroups(rows: PublishedRows['groups'], components: PublicComponent[]): PublicGroup[] {
  return rows
    .map((g) => {
      const members = components.filter((c) => c.groupId === g.id);
      return {
        id: g.id,
        name: g.name,
        nameSw: g.nameSw,
        description: g.description,
        position: g.position,
        status: worstComponentStatus(members.map((c) => c.status)),
        componentIds: members.map((c) => c.id),
        createdAt: g.createdAt,
        updatedAt: g.updatedAt,
      };
    })
    .sort(byPosition);
}
