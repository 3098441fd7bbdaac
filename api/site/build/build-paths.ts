import { join } from 'node:path';
import type { SiteFolders } from '../site-folders';

export type BuildPaths = {
  /** The new build folder, swapped in as `current` once complete. */
  dir: string;
  /** Where Astro renders the changed pages before they are moved into `dir`. */
  renderedDir: string;
  /** The published data Astro renders, as a file its build process reads. */
  snapshotPath: string;
};

/**
 * The paths of build number `sequence`. Names sort in build order (time, then sequence), which is
 * how old builds are told apart from new ones.
 */
export function newBuildPaths(folders: SiteFolders, sequence: number): BuildPaths {
  const id = `${new Date().toISOString().replace(/[-:.]/g, '')}-${String(sequence).padStart(6, '0')}`;
  return { dir: join(folders.builds, id), renderedDir: join(folders.work, `${id}-rendered`), snapshotPath: join(folders.work, `${id}.json`) };
}
