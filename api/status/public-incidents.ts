import type { IncidentComponentRow } from '../../db/schema/index';
import { isIncidentOpen } from './component-status';
import { latestTime } from './latest-time';
import type { PublicIncident, PublicUpdate } from './public-model';
import type { PublishedRows } from './published-rows';

const byPublication = (a: { publishedAt: string; id: string }, b: { publishedAt: string; id: string }) =>
  a.publishedAt.localeCompare(b.publishedAt) || a.id.localeCompare(b.id);

function groupByIncident<T extends { incidentId: string }>(rows: T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const list = groups.get(row.incidentId);
    if (list) list.push(row);
    else groups.set(row.incidentId, [row]);
  }
  return groups;
}

/** Published updates only, oldest first (drafts and approved-but-unpublished updates stay out). */
function publishedUpdatesByIncident(updates: PublishedRows['updates']): Map<string, PublicUpdate[]> {
  const published = updates.flatMap((u) =>
    u.state === 'published' && u.publishedAt !== null
      ? [{ id: u.id, incidentId: u.incidentId, status: u.status, body: u.body, bodySw: u.bodySw, components: u.components, publishedAt: u.publishedAt }]
      : [],
  );
  const byIncident = groupByIncident(published);
  for (const list of byIncident.values()) list.sort(byPublication);
  return byIncident;
}

function publicIncident(
  incident: PublishedRows['incidents'][number],
  publishedAt: string,
  updates: PublicUpdate[],
  affected: IncidentComponentRow[],
): PublicIncident {
  const { id, kind, name, nameSw, status, impact, disruptionFrom, expectedRestoration, scheduledFor, scheduledUntil, postmortem } = incident;
  const { postmortemPublishedAt, startedAt, monitoringAt, resolvedAt } = incident;
  return {
    id, kind, name, nameSw, status, impact, disruptionFrom, expectedRestoration, scheduledFor, scheduledUntil, postmortem,
    // Saved before the incident went public, a postmortem is published with it.
    postmortemPublishedAt: postmortem === null ? null : latestTime([publishedAt, postmortemPublishedAt]),
    publishedAt, startedAt, monitoringAt, resolvedAt,
    updatedAt: latestTime([publishedAt, resolvedAt, ...updates.map((u) => u.publishedAt)]),
    open: isIncidentOpen(incident),
    affected: affected.map((a) => ({ componentId: a.componentId, status: a.status })),
    updates,
  };
}

/** The published incidents, oldest first, each with its published updates and the components it affects. */
export function publicIncidents(rows: Pick<PublishedRows, 'incidents' | 'incidentComponents' | 'updates'>): PublicIncident[] {
  const updates = publishedUpdatesByIncident(rows.updates);
  const affected = groupByIncident(rows.incidentComponents);
  return rows.incidents
    .flatMap((incident) =>
      incident.publishedAt === null
        ? []
        : [publicIncident(incident, incident.publishedAt, updates.get(incident.id) ?? [], affected.get(incident.id) ?? [])],
    )
    .sort(byPublication);
}
