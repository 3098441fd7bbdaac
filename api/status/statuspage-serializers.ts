import type { ComponentStatus } from '../../db/schema/constants';
import type { PublicComponent, PublicGroup, PublicIncident, PublicUpdate } from './public-model';
import type {
  StatuspageAffectedComponent,
  StatuspageComponent,
  StatuspageIncident,
  StatuspageIncidentUpdate,
  StatuspageMaintenance,
} from './statuspage-types';

export type SerializerContext = {
  pageId: string;
  publicUrl: string;
  componentsById: ReadonlyMap<string, PublicComponent>;
};

export function serializeComponent(component: PublicComponent, pageId: string): StatuspageComponent {
  return {
    id: component.id,
    page_id: pageId,
    group_id: component.groupId,
    group: false,
    name: component.name,
    description: component.description,
    status: component.status,
    position: component.position,
    showcase: component.showcase,
    only_show_if_degraded: component.onlyShowIfDegraded,
    start_date: component.startDate,
    created_at: component.createdAt,
    updated_at: component.updatedAt,
  };
}

/** Statuspage lists a group as a component with `group: true` and its children's ids. */
export function serializeGroup(group: PublicGroup, pageId: string): StatuspageComponent {
  return {
    id: group.id,
    page_id: pageId,
    group_id: null,
    group: true,
    name: group.name,
    description: group.description,
    status: group.status,
    position: group.position,
    showcase: false,
    only_show_if_degraded: false,
    start_date: null,
    created_at: group.createdAt,
    updated_at: group.updatedAt,
    components: group.componentIds,
  };
}

/**
 * Each update's affected components as Statuspage reports them: the status before (from this
 * incident's earlier updates; operational before the first) and after.
 */
function affectedComponentsByUpdate(updates: readonly PublicUpdate[], context: SerializerContext) {
  const previous = new Map<string, ComponentStatus>();
  const result = new Map<string, StatuspageAffectedComponent[] | null>();
  for (const update of updates) {
    const entries: StatuspageAffectedComponent[] = [];
    for (const [code, newStatus] of Object.entries(update.components)) {
      const component = context.componentsById.get(code);
      if (!component) continue;
      entries.push({ code, name: component.name, old_status: previous.get(code) ?? 'operational', new_status: newStatus });
      previous.set(code, newStatus);
    }
    result.set(update.id, entries.length > 0 ? entries : null);
  }
  return result;
}

export function serializeIncident(incident: PublicIncident, context: SerializerContext): StatuspageIncident {
  const affected = affectedComponentsByUpdate(incident.updates, context);
  const updates: StatuspageIncidentUpdate[] = incident.updates
    .map((u) => ({
      id: u.id,
      incident_id: incident.id,
      status: u.status,
      body: u.body,
      created_at: u.publishedAt,
      updated_at: u.publishedAt,
      display_at: u.publishedAt,
      affected_components: affected.get(u.id) ?? null,
    }))
    .reverse();
  return {
    id: incident.id,
    page_id: context.pageId,
    name: incident.name,
    status: incident.status,
    impact: incident.impact,
    created_at: incident.publishedAt,
    updated_at: incident.updatedAt,
    started_at: incident.startedAt ?? incident.publishedAt,
    monitoring_at: incident.monitoringAt,
    resolved_at: incident.resolvedAt,
    shortlink: `${context.publicUrl}/incidents/${incident.id}/`,
    postmortem_body: incident.postmortem,
    postmortem_published_at: incident.postmortemPublishedAt,
    incident_updates: updates,
    components: incident.affected
      .map((a) => context.componentsById.get(a.componentId))
      .filter((c): c is PublicComponent => c !== undefined)
      .map((c) => serializeComponent(c, context.pageId)),
  };
}

export function serializeMaintenance(incident: PublicIncident, context: SerializerContext): StatuspageMaintenance {
  return { ...serializeIncident(incident, context), scheduled_for: incident.scheduledFor, scheduled_until: incident.scheduledUntil };
}
