import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCurrentBuild, type SiteFolders } from '../site-folders';
import { loadPageManifest, savePageManifest, templateFingerprint } from './page-manifest-store';
import type { PageManifest } from './plan-site-build';

export type ServedPageManifest = {
  /** The last good build and its page fingerprints, while its folder still exists. */
  previous: () => { dir: string; manifest: PageManifest } | null;
  /** Remembers the build just swapped in; saved to disk so a restart builds incrementally too. */
  remember: (dir: string, manifest: PageManifest) => Promise<void>;
};

/** The page fingerprints of the served build: from disk after a restart, then from each good build. */
export function createServedPageManifest(folders: SiteFolders, identity: { name: string; publicUrl: string }): ServedPageManifest {
  const path = join(folders.work, 'manifest.json');
  const template = templateFingerprint(identity);
  const servedAtStart = readCurrentBuild(folders);
  const stored = loadPageManifest(path, template, servedAtStart);
  let last = servedAtStart && stored ? { dir: servedAtStart, manifest: stored } : null;
  return {
    previous: () => (last && existsSync(last.dir) ? last : null),
    async remember(dir, manifest) {
      last = { dir, manifest };
      await savePageManifest(path, { template, dir, manifest }).catch((error: unknown) =>
        console.error('[site] could not save the page fingerprints; the next restart builds in full:', error),
      );
    },
  };
}
