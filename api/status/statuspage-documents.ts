import { createHash } from 'node:crypto';
import type { PublicIncident, PublishedData } from './public-model';
import { serializeComponent, serializeGroup, serializeIncident, serializeMaintenance, type SerializerContext } from './statuspage-serializers';
import type { StatuspageComponent, StatuspageDocuments, StatuspagePage } from './statuspage-types';

export type PageIdentity = { name: string; publicUrl: string };

/** Statuspage's page list length for incidents.json and scheduled-maintenances.json. */
const recentLimit = 50;
const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';

/** A stable Statuspage-style page id derived from the public URL (no setting to keep in sync). */
export function pageIdFor(publicUrl: string): string {
  const digest = createHash('sha256').update(publicUrl).digest();
  return Array.from(digest.subarray(0, 12), (byte) => alphabet[byte % alphabet.length]).join('');
}

/** Groups, each followed by its components, then ungrouped components, all by position. */
function listComponents(data: PublishedData, pageId: string): StatuspageComponent[] {
  const list: StatuspageComponent[] = [];
  for (const group of data.groups) {
    list.push(serializeGroup(group, pageId));
    for (const component of data.components) if (component.groupId === group.id) list.push(serializeComponent(component, pageId));
  }
  const groupIds = new Set(data.groups.map((g) => g.id));
  for (const component of data.components) {
    if (component.groupId === null || !groupIds.has(component.groupId)) list.push(serializeComponent(component, pageId));
  }
  return list;
}

const newestFirst = (list: PublicIncident[]) => [...list].reverse();

/** Every Statuspage v2 document, keyed by its path under /api/v2/. */
export function statuspageDocuments(data: PublishedData, identity: PageIdentity): StatuspageDocuments {
  const pageId = pageIdFor(identity.publicUrl);
  const page: StatuspagePage = {
    id: pageId,
    name: identity.name,
    url: identity.publicUrl,
    time_zone: 'Africa/Nairobi',
    updated_at: data.updatedAt,
  };
  const context: SerializerContext = {
    pageId,
    publicUrl: identity.publicUrl,
    componentsById: new Map(data.components.map((c) => [c.id, c])),
  };
  const incidents = newestFirst(data.incidents.filter((i) => i.kind === 'incident'));
  const maintenances = newestFirst(data.incidents.filter((i) => i.kind === 'maintenance'));
  const unresolved = incidents.filter((i) => i.status !== 'resolved').map((i) => serializeIncident(i, context));
  const upcoming = maintenances.filter((m) => m.status === 'scheduled').map((m) => serializeMaintenance(m, context));
  const active = maintenances.filter((m) => m.status === 'in_progress' || m.status === 'verifying').map((m) => serializeMaintenance(m, context));
  const components = listComponents(data, pageId);
  const status = { indicator: data.status.indicator, description: data.status.description };
  return {
    'summary.json': { page, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming], status },
    'status.json': { page, status },
    'components.json': { page, components },
    'incidents.json': { page, incidents: incidents.slice(0, recentLimit).map((i) => serializeIncident(i, context)) },
    'incidents/unresolved.json': { page, incidents: unresolved },
    'scheduled-maintenances.json': {
      page,
      scheduled_maintenances: maintenances.slice(0, recentLimit).map((m) => serializeMaintenance(m, context)),
    },
    'scheduled-maintenances/upcoming.json': { page, scheduled_maintenances: upcoming },
    'scheduled-maintenances/active.json': { page, scheduled_maintenances: active },
  };
}
