import { createHash } from 'node:crypto';
import { statuspageDocuments, type PageIdentity } from '../../status/statuspage-documents';
import type { FeedEntryView, SiteSnapshot } from './site-snapshot';
import { homeView } from './home-view';
import { summaryData, type ModelChanges, type SiteModel } from './site-model';
import {
  historyPageCount,
  historyPageView,
  incidentPageView,
  incidentSummaryView,
  isNoticeShown,
  latestHistoryView,
  type HistoryPageView,
  type IncidentPageView,
} from './site-views';

/** Built file (relative path) → fingerprint of the view it was rendered from. */
export type PageManifest = Map<string, string>;

export type SiteBuildPlan = {
  snapshot: SiteSnapshot;
  /**
   * Fingerprints of the per-incident and per-history pages this build looked at: every one of the
   * new site when `complete`, else those of the incidents and history pages that changed.
   */
  pages: PageManifest;
  complete: boolean;
  /** Of those, the pages rendered again: new, or their view changed since the served build. */
  render: Set<string>;
  /** Pages of the served build that the new site no longer has (an incident taken down, a door notice once closed). */
  remove: string[];
  /** How many per-incident and per-history pages the new site has in all. */
  pageCount: number;
};

const feedLength = 50;

/** The files rendered from one incident's view: its page in both languages, and its door notice while it is open. */
export function incidentFiles(view: IncidentPageView): string[] {
  const pages = [`incidents/${view.id}/index.html`, `sw/incidents/${view.id}/index.html`];
  return isNoticeShown(view) ? [...pages, `incidents/${view.id}/notice/index.html`] : pages;
}

/** Every file an incident may have, shown or not. */
const possibleIncidentFiles = (id: string) => [`incidents/${id}/index.html`, `sw/incidents/${id}/index.html`, `incidents/${id}/notice/index.html`];
const historyFiles = (number: number) => [`history/${number}/index.html`, `sw/history/${number}/index.html`];

const fingerprint = (view: unknown) => createHash('sha1').update(JSON.stringify(view)).digest('base64url');

/**
 * Decides what a build renders. Pages that exist once per incident or per history page are
 * rendered only when their view changed since the served build, and only the views of the
 * incidents and history pages in `changes` are made at all (`changes` null, or no served build:
 * all of them, as after a start). The home pages, feeds and JSON are small and always rendered,
 * from the few incidents they can show.
 */
export function planSiteBuild(
  model: SiteModel,
  identity: PageIdentity,
  served: PageManifest | null,
  changes: ModelChanges | null,
  now = new Date(),
): SiteBuildPlan {
  const complete = changes === null || served === null;
  const pages: PageManifest = new Map();
  const render = new Set<string>();
  const remove = new Set<string>();
  /** Notes the files of one view; true when any of them must be rendered. */
  const look = (files: readonly string[], view: unknown): boolean => {
    const hash = fingerprint(view);
    let changed = false;
    for (const file of files) {
      pages.set(file, hash);
      if (served?.get(file) !== hash) {
        render.add(file);
        changed = true;
      }
    }
    return changed;
  };
  const drop = (files: readonly string[]) => {
    for (const file of files) if (!pages.has(file) && served?.has(file)) remove.add(file);
  };

  const incidentPages: IncidentPageView[] = [];
  const incidentIds = complete ? model.byPublication.items.map((i) => i.id) : changes.incidents;
  for (const id of incidentIds) {
    const incident = model.incidents.get(id);
    if (incident) {
      // Rendered in English and Swahili (and, while open, as a door notice) from the same view.
      const view = incidentPageView(incident, model.componentNames);
      if (look(incidentFiles(view), view)) incidentPages.push(view);
    }
    drop(possibleIncidentFiles(id));
  }

  const published = model.byPublication.items;
  const historyCount = historyPageCount(published.length);
  const historyPages: HistoryPageView[] = [];
  const pageNumbers = complete ? Array.from({ length: historyCount }, (_, i) => i + 1) : [...changes.historyPages].sort((a, b) => a - b);
  for (const number of pageNumbers) {
    if (number <= historyCount) {
      const view = historyPageView(published, number);
      if (look(historyFiles(number), view)) historyPages.push(view);
    }
    drop(historyFiles(number));
  }

  let pageCount = pages.size;
  if (complete) {
    for (const file of served?.keys() ?? []) if (!pages.has(file)) remove.add(file);
  } else {
    for (const file of pages.keys()) if (served.has(file)) pageCount--;
    pageCount += served.size - remove.size;
  }

  const data = summaryData(model, now);
  const feed: FeedEntryView[] = model.byLastChange.items.slice(0, feedLength).map((i) => ({
    id: i.id,
    name: i.name,
    nameSw: i.nameSw,
    publishedAt: i.publishedAt,
    updatedAt: i.updatedAt,
    updates: i.updates.map((u) => ({ status: u.status, body: u.body, bodySw: u.bodySw, publishedAt: u.publishedAt })).reverse(),
  }));
  const newestHistory = [historyCount - 1, historyCount].filter((n) => n >= 1).map((n) => historyPageView(published, n));

  return {
    snapshot: {
      page: { name: identity.name, url: identity.publicUrl },
      home: homeView(data, model.componentNames, now),
      incidentPages,
      historyPages,
      historyLatest: latestHistoryView(newestHistory),
      openIncidents: data.incidents.filter((i) => i.open).reverse().map((i) => incidentSummaryView(i, model.componentNames)),
      feed,
      statuspage: statuspageDocuments(data, identity),
    },
    pages,
    complete,
    render,
    remove: [...remove],
    pageCount,
  };
}
