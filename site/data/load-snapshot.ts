import { readFileSync } from 'node:fs';
import { snapshotPathVariable, type SiteSnapshot } from '../../api/site/build/site-snapshot';

let loaded: { path: string; snapshot: SiteSnapshot } | undefined;

/**
 * The published data this build renders, written by api/site/ before it starts Astro. Pages
 * never query the database themselves: the snapshot holds exactly what is public.
 */
export function loadSnapshot(): SiteSnapshot {
  const path = process.env[snapshotPathVariable];
  if (!path) {
    throw new Error(`${snapshotPathVariable} is not set: build the site through api/site (npm start does), not with a bare astro build.`);
  }
  // A long-lived build process renders many builds; each has its own snapshot file.
  if (loaded?.path !== path) loaded = { path, snapshot: JSON.parse(readFileSync(path, 'utf8')) as SiteSnapshot };
  return loaded.snapshot;
}
