import type { IncidentStatus } from '../../../db/schema/constants';
import type { StatuspageDocuments } from '../../status/statuspage-types';
import type { HomeView } from './home-view';
import type { HistoryPageView, IncidentPageView, IncidentSummaryView } from './site-views';

/** One entry of the Atom and RSS feeds: an incident with its published timeline. */
export type FeedEntryView = {
  id: string;
  name: string;
  nameSw: string | null;
  publishedAt: string;
  updatedAt: string;
  updates: { status: IncidentStatus; body: string; bodySw: string | null; publishedAt: string }[];
};

/**
 * What one Astro build reads (written as JSON next to the build, path in HALI_SITE_SNAPSHOT).
 * It holds only the pages this build renders; unchanged pages are carried over from the last build.
 */
export type SiteSnapshot = {
  page: { name: string; url: string };
  home: HomeView;
  incidentPages: IncidentPageView[];
  historyPages: HistoryPageView[];
  /** What /history/ shows (see latestHistoryView). */
  historyLatest: HistoryPageView;
  /** Open incidents, newest first: the widget lists them. */
  openIncidents: IncidentSummaryView[];
  feed: FeedEntryView[];
  statuspage: StatuspageDocuments;
};

/** The environment variable through which the build process tells the pages where the snapshot is. */
export const snapshotPathVariable = 'HALI_SITE_SNAPSHOT';
