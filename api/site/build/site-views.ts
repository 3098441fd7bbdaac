import type { ComponentStatus, IncidentImpact, IncidentKind, IncidentStatus } from '../../../db/schema/constants';
import type { PublicIncident } from '../../status/public-model';

// What each public page shows, already selected from the read model, so the Astro pages only lay
// it out and a page's fingerprint is the hash of its view.

/** A component's names for the pages: the Swahili pages show `nameSw` when staff gave one. */
export type ComponentNames = ReadonlyMap<string, { name: string; nameSw: string | null }>;
export type UpdateView = { id: string; status: IncidentStatus; body: string; bodySw: string | null; publishedAt: string };

export type IncidentSummaryView = {
  id: string;
  kind: IncidentKind;
  name: string;
  nameSw: string | null;
  status: IncidentStatus;
  impact: IncidentImpact;
  /** Still going on (a scheduled maintenance is not yet). */
  open: boolean;
  expectedRestoration: string | null;
  scheduledFor: string | null;
  scheduledUntil: string | null;
  affected: { name: string; nameSw: string | null; status: ComponentStatus }[];
  latest: UpdateView | null;
};

export type IncidentPageView = IncidentSummaryView & {
  publishedAt: string;
  resolvedAt: string | null;
  disruptionFrom: string | null;
  postmortem: string | null;
  postmortemPublishedAt: string | null;
  /** Newest first. */
  updates: UpdateView[];
};

export type HistoryItemView = {
  id: string;
  kind: IncidentKind;
  name: string;
  nameSw: string | null;
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

export function incidentSummaryView(incident: PublicIncident, componentNames: ComponentNames): IncidentSummaryView {
  const latest = incident.updates.at(-1);
  return {
    id: incident.id,
    kind: incident.kind,
    name: incident.name,
    nameSw: incident.nameSw,
    status: incident.status,
    impact: incident.impact,
    open: incident.open,
    expectedRestoration: incident.expectedRestoration,
    scheduledFor: incident.scheduledFor,
    scheduledUntil: incident.scheduledUntil,
    affected: incident.affected.flatMap((a) => {
      const names = componentNames.get(a.componentId);
      return names ? [{ name: names.name, nameSw: names.nameSw, status: a.status }] : [];
    }),
    latest: latest ? toUpdateView(latest) : null,
  };
}

export function incidentPageView(incident: PublicIncident, componentNames: ComponentNames): IncidentPageView {
  return {
    ...incidentSummaryView(incident, componentNames),
    publishedAt: incident.publishedAt,
    resolvedAt: incident.resolvedAt,
    disruptionFrom: incident.disruptionFrom,
    postmortem: incident.postmortem,
    postmortemPublishedAt: incident.postmortemPublishedAt,
    updates: incident.updates.map(toUpdateView).reverse(),
  };
}

/** Open incidents get a printable door notice (/incidents/<id>/notice/); it goes when they close. */
export const isNoticeShown = (view: IncidentPageView): boolean => view.open;

export const historyPageSize = 25;

/** How many history pages `incidentCount` published incidents fill (one, empty, when there are none). */
export const historyPageCount = (incidentCount: number): number => Math.max(1, Math.ceil(incidentCount / historyPageSize));

/** The history page an incident at this place in publication order (from 0, oldest first) is listed on. */
export const historyPageOf = (index: number): number => Math.floor(index / historyPageSize) + 1;

/**
 * Page `number` of the history of `incidents` (all published, oldest first): its slice listed
 * newest first. Built alone, so a build makes only the pages it renders.
 */
export function historyPageView(incidents: readonly PublicIncident[], number: number): HistoryPageView {
  const count = historyPageCount(incidents.length);
  const slice = incidents.slice((number - 1) * historyPageSize, number * historyPageSize);
  return {
    number,
    newerPage: number < count ? number + 1 : null,
    olderPage: number > 1 ? number - 1 : null,
    items: slice
      .map((i) => ({ id: i.id, kind: i.kind, name: i.name, nameSw: i.nameSw, status: i.status, impact: i.impact, publishedAt: i.publishedAt, resolvedAt: i.resolvedAt }))
      .reverse(),
  };
}

/** History cut into pages of `historyPageSize` from the oldest; each page lists newest first. */
export function historyPageViews(incidents: readonly PublicIncident[]): HistoryPageView[] {
  return Array.from({ length: historyPageCount(incidents.length) }, (_, i) => historyPageView(incidents, i + 1));
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
