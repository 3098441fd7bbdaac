import type { ComponentGroupRow, ComponentRow, IncidentComponentRow, IncidentRow, IncidentUpdateRow } from '../../db/schema/index';
import type { ComponentStatus } from '../../db/schema/constants';
import { isIncidentOpen, shownComponentStatus, worstComponentStatus } from './component-status';
import { pageStatus } from './page-status';
import type { PublicComponent, PublicGroup, PublicIncident, PublishedData } from './public-model';

/** The columns the public model is made from; staff names and draft-only fields stay out. */
export type PublishedRows = {
  components: ComponentRow[];
  groups: ComponentGroupRow[];
  incidents: Pick<
    IncidentRow,
    | 'id' | 'kind' | 'name' | 'status' | 'impact' | 'disruptionFrom' | 'expectedRestoration' | 'scheduledFor' | 'scheduledUntil'
    | 'postmortem' | 'publishedAt' | 'startedAt' | 'monitoringAt' | 'resolvedAt'
  >[];
  incidentComponents: IncidentComponentRow[];
  /** Only published updates count; others are skipped. */
  updates: Pick<IncidentUpdateRow, 'id' | 'incidentId' | 'state' | 'status' | 'body' | 'bodySw' | 'components' | 'publishedAt'>[];
};

const byPosition = (a: { position: number; name: string }, b: { position: number; name: string }) =>
  a.position - b.position || a.name.localeCompare(b.name);

const latest = (times: (string | null)[]) => times.filter((t): t is string => t !== null).sort().at(-1) ?? '1970-01-01T00:00:00.000Z';

/** Turns published rows into the public read model, applying the status rules (pure). */
export function assemblePublishedData(rows: PublishedRows): PublishedData {
  const updatesByIncident = new Map<string, PublishedRows['updates']>();
  for (const update of rows.updates) {
    if (update.state !== 'published' || update.publishedAt === null) continue;
    const list = updatesByIncident.get(update.incidentId) ?? [];
    list.push(update);
    updatesByIncident.set(update.incidentId, list);
  }
  const affectedByIncident = new Map<string, IncidentComponentRow[]>();
  for (const link of rows.incidentComponents) {
    const list = affectedByIncident.get(link.incidentId) ?? [];
    list.push(link);
    affectedByIncident.set(link.incidentId, list);
  }

  const incidents: PublicIncident[] = rows.incidents
    .filter((incident) => incident.publishedAt !== null)
    .map((incident) => {
      const updates = (updatesByIncident.get(incident.id) ?? [])
        .map((u) => ({
          id: u.id,
          incidentId: u.incidentId,
          status: u.status,
          body: u.body,
          bodySw: u.bodySw,
          components: u.components,
          publishedAt: u.publishedAt as string,
        }))
        .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));
      const publishedAt = incident.publishedAt as string;
      return {
        id: incident.id,
        kind: incident.kind,
        name: incident.name,
        status: incident.status,
        impact: incident.impact,
        disruptionFrom: incident.disruptionFrom,
        expectedRestoration: incident.expectedRestoration,
        scheduledFor: incident.scheduledFor,
        scheduledUntil: incident.scheduledUntil,
        postmortem: incident.postmortem,
        publishedAt,
        startedAt: incident.startedAt,
        monitoringAt: incident.monitoringAt,
        resolvedAt: incident.resolvedAt,
        updatedAt: latest([publishedAt, incident.resolvedAt, ...updates.map((u) => u.publishedAt)]),
        open: isIncidentOpen(incident),
        affected: (affectedByIncident.get(incident.id) ?? []).map((a) => ({ componentId: a.componentId, status: a.status })),
        updates,
      };
    })
    .sort((a, b) => a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id));

  const fromOpenIncidents = new Map<string, ComponentStatus[]>();
  for (const incident of incidents) {
    if (!incident.open) continue;
    for (const { componentId, status } of incident.affected) {
      fromOpenIncidents.set(componentId, [...(fromOpenIncidents.get(componentId) ?? []), status]);
    }
  }

  const components: PublicComponent[] = rows.components
    .map((c) => ({
      id: c.id,
      name: c.name,
      description: c.description,
      groupId: c.groupId,
      position: c.position,
      ownStatus: c.status,
      status: shownComponentStatus(c.status, fromOpenIncidents.get(c.id) ?? []),
      showcase: c.showcase,
      onlyShowIfDegraded: c.onlyShowIfDegraded,
      startDate: c.startDate,
      createdAt: c.createdAt,
      updatedAt: c.updatedAt,
    }))
    .sort(byPosition);

  const groups: PublicGroup[] = rows.groups
    .map((g) => {
      const members = components.filter((c) => c.groupId === g.id);
      return {
        id: g.id,
        name: g.name,
        description: g.description,
        position: g.position,
        status: worstComponentStatus(members.map((c) => c.status)),
        componentIds: members.map((c) => c.id),
        createdAt: g.createdAt,
        updatedAt: g.updatedAt,
      };
    })
    .sort(byPosition);

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
    updatedAt: latest([...components.map((c) => c.updatedAt), ...groups.map((g) => g.updatedAt), ...incidents.map((i) => i.updatedAt)]),
  };
}
