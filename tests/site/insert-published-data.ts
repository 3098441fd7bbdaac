import type { Database } from '../../db/client';
import {
  componentGroups,
  components,
  incidentComponents,
  incidents,
  incidentUpdates,
  type ComponentStatus,
  type IncidentImpact,
  type IncidentKind,
  type IncidentStatus,
  type UpdateState,
} from '../../db/schema/index';

// Writes rows straight through the schema, as the incidents API would leave them, so the site
// tests do not depend on the staff API.

export async function insertGroup(db: Database, group: { id: string; name: string; position?: number }) {
  await db.insert(componentGroups).values({ position: 0, ...group });
}

export async function insertComponent(
  db: Database,
  component: { id: string; name: string; groupId?: string | null; position?: number; status?: ComponentStatus; onlyShowIfDegraded?: boolean },
) {
  await db.insert(components).values({ position: 0, ...component });
}

export type UpdateInput = {
  id: string;
  state?: UpdateState;
  status: IncidentStatus;
  body: string;
  bodySw?: string;
  components?: Record<string, ComponentStatus>;
  at: string;
};

/** An incident with its updates; `published: false` leaves it as a never-published draft. */
export async function insertIncident(
  db: Database,
  incident: {
    id: string;
    name: string;
    kind?: IncidentKind;
    status: IncidentStatus;
    impact?: IncidentImpact;
    published?: boolean;
    expectedRestoration?: string | null;
    scheduledFor?: string;
    scheduledUntil?: string;
    affected?: Record<string, ComponentStatus>;
    updates: UpdateInput[];
  },
) {
  const published = incident.updates.filter((u) => (u.state ?? 'published') === 'published');
  const firstAt = published[0]?.at ?? null;
  const isPublished = incident.published !== false && firstAt !== null;
  const closed = incident.status === 'resolved' || incident.status === 'completed';
  await db.insert(incidents).values({
    id: incident.id,
    kind: incident.kind ?? 'incident',
    name: incident.name,
    status: incident.status,
    impact: incident.impact ?? 'major',
    expectedRestoration: incident.expectedRestoration ?? null,
    scheduledFor: incident.scheduledFor ?? null,
    scheduledUntil: incident.scheduledUntil ?? null,
    publishedAt: isPublished ? firstAt : null,
    startedAt: isPublished ? firstAt : null,
    resolvedAt: isPublished && closed ? (published.at(-1)?.at ?? null) : null,
    createdBy: 'tok-drafter',
  });
  const affected = Object.entries(incident.affected ?? {});
  if (affected.length > 0) {
    await db.insert(incidentComponents).values(affected.map(([componentId, status]) => ({ incidentId: incident.id, componentId, status })));
  }
  for (const update of incident.updates) {
    const state = incident.published === false ? 'draft' : (update.state ?? 'published');
    await db.insert(incidentUpdates).values({
      id: update.id,
      incidentId: incident.id,
      state,
      status: update.status,
      body: update.body,
      bodySw: update.bodySw ?? null,
      components: update.components ?? {},
      draftedBy: 'tok-drafter',
      createdAt: update.at,
      publishedAt: state === 'published' ? update.at : null,
    });
  }
}
