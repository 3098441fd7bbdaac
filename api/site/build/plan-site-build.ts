import { createHash } from 'node:crypto';
import type { PublishedData } from '../../status/public-model';
import { statuspageDocuments, type PageIdentity } from '../../status/statuspage-documents';
import type { FeedEntryView, SiteSnapshot } from './site-snapshot';
import { historyPageViews, homeView, incidentPageView, latestHistoryView } from './site-views';

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

const fingerprint = (view: unknown) => createHash('sha1').update(JSON.stringify(view)).digest('base64url');

/**
 * Decides what a build must render. Pages that exist once per incident or per history page are
 * rendered only when their view changed since the last good build (or there is none); the home
 * pages, feeds and JSON are small and always rendered.
 */
export function planSiteBuild(data: PublishedData, identity: PageIdentity, previous: PageManifest | null): SiteBuildPlan {
  const componentNames = new Map(data.components.map((c) => [c.id, c.name]));
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
    // Rendered in English and Swahili from the same view; both files are tracked so both carry over.
    .filter((view) => [changed(`incidents/${view.id}/index.html`, view), changed(`sw/incidents/${view.id}/index.html`, view)].some(Boolean));
  const allHistoryPages = historyPageViews(data.incidents);
  const historyPages = allHistoryPages.filter((view) => changed(`history/${view.number}/index.html`, view));

  const feed: FeedEntryView[] = [...data.incidents]
    .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt) || a.id.localeCompare(b.id))
    .slice(0, feedLength)
    .map((i) => ({
      id: i.id,
      name: i.name,
      publishedAt: i.publishedAt,
      updatedAt: i.updatedAt,
      updates: i.updates.map((u) => ({ status: u.status, body: u.body, publishedAt: u.publishedAt })).reverse(),
    }));

  return {
    snapshot: {
      page: { name: identity.name, url: identity.publicUrl },
      home: homeView(data, componentNames),
      incidentPages,
      historyPages,
      historyLatest: latestHistoryView(allHistoryPages),
      feed,
      statuspage: statuspageDocuments(data, identity),
    },
    manifest,
    reuse,
  };
}
