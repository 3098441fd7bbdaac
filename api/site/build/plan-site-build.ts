import { createHash } from 'node:crypto';
import type { PublishedData } from '../../status/public-model';
import { statuspageDocuments, type PageIdentity } from '../../status/statuspage-documents';
import type { FeedEntryView, SiteSnapshot } from './site-snapshot';
import { homeView } from './home-view';
import {
  historyPageViews,
  incidentPageView,
  incidentSummaryView,
  isNoticeShown,
  latestHistoryView,
  type ComponentNames,
  type IncidentPageView,
} from './site-views';

/** Built file (relative path) → fingerprint of the view it was rendered from. */
export type PageManifest = Map<string, string>;

export type SiteBuildPlan = {
  snapshot: SiteSnapshot;
  /** Fingerprints of every per-incident and per-history page of the new site. */
  manifest: PageManifest;
  /** Files to carry over unchanged from the previous build instead of rendering them again. */
  reuse: string[];
};

const feedLength = 50;

/** The files rendered from one incident's view: its page in both languages, and its door notice while it is open. */
export function incidentFiles(view: IncidentPageView): string[] {
  const pages = [`incidents/${view.id}/index.html`, `sw/incidents/${view.id}/index.html`];
  return isNoticeShown(view) ? [...pages, `incidents/${view.id}/notice/index.html`] : pages;
}

const fingerprint = (view: unknown) => createHash('sha1').update(JSON.stringify(view)).digest('base64url');

/**
 * Decides what a build must render. Pages that exist once per incident or per history page are
 * rendered only when their view changed since the last good build (or there is none); the home
 * pages, feeds and JSON are small and always rendered.
 */
export function planSiteBuild(data: PublishedData, identity: PageIdentity, previous: PageManifest | null, now = new Date()): SiteBuildPlan {
  const componentNames: ComponentNames = new Map(data.components.map((c) => [c.id, { name: c.name, nameSw: c.nameSw }]));
  const manifest: PageManifest = new Map();
  const reuse: string[] = [];
  const changed = (file: string, view: unknown) => {
    const hash = fingerprint(view);
    manifest.set(file, hash);
    if (previous?.get(file) === hash) {
      reuse.push(file);
      return false;
    }
    return true;
  };

  const incidentPages = data.incidents
    .map((incident) => incidentPageView(incident, componentNames))
    // Rendered in English and Swahili (and, while open, as a door notice) from the same view;
    // every file is tracked so all carry over.
    .filter((view) => incidentFiles(view).map((file) => changed(file, view)).some(Boolean));
  const allHistoryPages = historyPageViews(data.incidents);
  const historyPages = allHistoryPages.filter((view) =>
    [changed(`history/${view.number}/index.html`, view), changed(`sw/history/${view.number}/index.html`, view)].some(Boolean),
  );

  const feed: FeedEntryView[] = [...data.incidents]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    .slice(0, feedLength)
    .map((i) => ({
      id: i.id,
      name: i.name,
      nameSw: i.nameSw,
      publishedAt: i.publishedAt,
      updatedAt: i.updatedAt,
      updates: i.updates.map((u) => ({ status: u.status, body: u.body, bodySw: u.bodySw, publishedAt: u.publishedAt })).reverse(),
    }));

  return {
    snapshot: {
      page: { name: identity.name, url: identity.publicUrl },
      home: homeView(data, componentNames, now),
      incidentPages,
      historyPages,
      historyLatest: latestHistoryView(allHistoryPages),
      openIncidents: data.incidents.filter((i) => i.open).reverse().map((i) => incidentSummaryView(i, componentNames)),
      feed,
      statuspage: statuspageDocuments(data, identity),
    },
    manifest,
    reuse,
  };
}
