import type { ComponentStatus, IncidentImpact, IncidentKind, IncidentStatus } from '../../../db/schema/constants';
import type { PageStatus } from '../../status/page-status';
import type { PublicIncident, PublishedData } from '../../status/public-model';

// What each public page shows, already selected from the read model, so the Astro pages only lay
// it out and a page's fingerprint is the hash of its view.

export type ComponentView = { id: string; name: string; description: string | null; status: ComponentStatus };
export type ComponentGroupView = { id: string | null; name: string | null; status: ComponentStatus; components: ComponentView[] };
export type UpdateView = { id: string; status: IncidentStatus; body: string; bodySw: string | null; publishedAt: string };

export type IncidentSummaryView = {
  id: string;
  kind: IncidentKind;
  name: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  expectedRestoration: string | null;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  affected: { name: string; status: ComponentStatus }[];
  latest: UpdateView | null;
};

export type HomeView = {
  status: PageStatus;
  groups: ComponentGroupView[];
  active: IncidentSummaryView[];
  upcoming: IncidentSummaryView[];
};

export type IncidentPageView = IncidentSummaryView & {
  publishedAt: string;
  resolvedAt: string | null;
  disruptionFrom: string | null;
  postmortem: string | null;
  /** Newest first. */
  updates: UpdateView[];
};

export type HistoryItemView = {
  id: string;
  kind: IncidentKind;
  name: string;
  status: IncidentStatus;
  impact: IncidentImpact;
  publishedAt: string;
  resolvedAt: string | null;
};

/**
 * One page of history. Page numbers count from the oldest so old pages never change; `newerPage`
 * and `olderPage` are the numbered pages to link to (null: none).
 */
export type HistoryPageView = { number: number; newerPage: number | null; olderPage: number | null; items: HistoryItemView[] };

const toUpdateView = (u: PublicIncident['updates'][number]): UpdateView => ({
  id: u.id,
  status: u.status,
  body: u.body,
  bodySw: u.bodySw,
  publishedAt: u.publishedAt,
});

export function incidentSummaryView(incident: PublicIncident, componentNames: ReadonlyMap<string, string>): IncidentSummaryView {
  const latest = incident.updates.at(-1);
  return {
    id: incident.id,
    kind: incident.kind,
    name: incident.name,
    status: incident.status,
    impact: incident.impact,
    expectedRestoration: incident.expectedRestoration,
    scheduledFor: incident.scheduledFor,
    scheduledUntil: incident.scheduledUntil,
    affected: incident.affected
      .filter((a) => componentNames.has(a.componentId))
      .map((a) => ({ name: componentNames.get(a.componentId) as string, status: a.status })),
    latest: latest ? toUpdateView(latest) : null,
  };
}

export function incidentPageView(incident: PublicIncident, componentNames: ReadonlyMap<string, string>): IncidentPageView {
  return {
    ...incidentSummaryView(incident, componentNames),
    publishedAt: incident.publishedAt,
    resolvedAt: incident.resolvedAt,
    disruptionFrom: incident.disruptionFrom,
    postmortem: incident.postmortem,
    updates: incident.updates.map(toUpdateView).reverse(),
  };
}

export function homeView(data: PublishedData, componentNames: ReadonlyMap<string, string>): HomeView {
  // Components marked "only show if degraded" stay off the page while they work.
  const visible = data.components.filter((c) => !c.onlyShowIfDegraded || c.status !== 'operational');
  const toView = (c: (typeof visible)[number]): ComponentView => ({ id: c.id, name: c.name, description: c.description, status: c.status });
  const groups: ComponentGroupView[] = data.groups
    .map((g) => ({ id: g.id, name: g.name, status: g.status, components: visible.filter((c) => c.groupId === g.id).map(toView) }))
    .filter((g) => g.components.length > 0);
  const groupIds = new Set(data.groups.map((g) => g.id));
  const loose = visible.filter((c) => c.groupId === null || !groupIds.has(c.groupId)).map(toView);
  if (loose.length > 0) groups.push({ id: null, name: null, status: 'operational', components: loose });
  const newestFirst = [...data.incidents].reverse();
  return {
    status: data.status,
    groups,
    active: newestFirst.filter((i) => i.open).map((i) => incidentSummaryView(i, componentNames)),
    upcoming: newestFirst
      .filter((i) => i.kind === 'maintenance' && i.status === 'scheduled')
      .sort((a, b) => (a.scheduledFor ?? '').localeCompare(b.scheduledFor ?? ''))
      .map((i) => incidentSummaryView(i, componentNames)),
  };
}

export const historyPageSize = 25;

/** History cut into pages of `historyPageSize` from the oldest; each page lists newest first. */
export function historyPageViews(incidents: readonly PublicIncident[]): HistoryPageView[] {
  const count = Math.max(1, Math.ceil(incidents.length / historyPageSize));
  const pages: HistoryPageView[] = [];
  for (let number = 1; number <= count; number++) {
    const slice = incidents.slice((number - 1) * historyPageSize, number * historyPageSize);
    pages.push({
      number,
      newerPage: number < count ? number + 1 : null,
      olderPage: number > 1 ? number - 1 : null,
      items: slice
        .map((i) => ({ id: i.id, kind: i.kind, name: i.name, status: i.status, impact: i.impact, publishedAt: i.publishedAt, resolvedAt: i.resolvedAt }))
        .reverse(),
    });
  }
  return pages;
}

/**
 * What /history/ shows: the newest page, joined by the one before it while the newest holds fewer
 * than a page of incidents, so the first history a visitor sees is never nearly empty.
 */
export function latestHistoryView(pages: readonly HistoryPageView[]): HistoryPageView {
  const newest = pages[pages.length - 1];
  const before = pages[pages.length - 2];
  if (!before || newest.items.length >= historyPageSize) return { ...newest, newerPage: null };
  return { number: newest.number, newerPage: null, olderPage: before.olderPage, items: [...newest.items, ...before.items] };
}
