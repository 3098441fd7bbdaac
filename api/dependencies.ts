import type { Database } from '../db/client';
import type { Config } from './config';

/** Something that rebuilds the public site after published data changes (see api/site/). */
export type SiteBuildScheduler = { schedule: (reason: string) => void };

/** Everything the routes need, created once at start and passed in (never read from process.env). */
export type AppDependencies = {
  config: Config;
  db: Database;
  now: () => Date;
  siteBuilds: SiteBuildScheduler;
};
