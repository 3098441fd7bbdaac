import type { Database } from '../db/client';
import type { ApplicantVisitRecorder } from './applicants/record-applicant-action';
import type { Config } from './config';

export type SiteBuildStatus = {
  building: boolean;
  lastGood: { dir: string; at: string } | null;
  lastFailure: { error: string; at: string } | null;
};

/** Something that rebuilds the public site after published data changes (see api/site/). */
export type SiteBuildScheduler = { schedule: (reason: string) => void; status: () => SiteBuildStatus };

/** Everything the routes need, created once at start and passed in (never read from process.env). */
export type AppDependencies = {
  config: Config;
  db: Database;
  now: () => Date;
  siteBuilds: SiteBuildScheduler;
  /** Where lookups and opened links are noted for the staff counts; createApp makes one when absent (tests). */
  applicantVisits?: ApplicantVisitRecorder;
};
