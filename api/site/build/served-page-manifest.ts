import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readCurrentBuild, type SiteFolders } from '../site-folders';
import { createPageManifestLog, loadPageManifest, templateFingerprint, type ManifestChange } from './page-manifest-store';
import type { PageManifest } from './plan-site-build';

/** The served build: its page fingerprints, and how its folder differs from the build served before it. */
export type ServedBuild = {
  dir: string;
  /** Fingerprint of every per-incident and per-history page. */
  manifest: PageManifest;
  /** Every file Astro rendered for it; the other files were carried over from the build before. */
  rendered: ReadonlySet<string>;
  /** Files the build served before it had and it has not (empty for a build found at start). */
  removed: ReadonlySet<string>;
};

export type ServedPageManifest = {
  /** The last good build, while its folder still exists. */
  previous: () => ServedBuild | null;
  /** Remembers the build just swapped in; saved to disk so a restart builds incrementally too. */
  remember: (build: ServedBuild, change: ManifestChange | null) => Promise<void>;
};

/** The page fingerprints of the served build: from disk after a restart, then from each good build. */
export function createServedPageManifest(folders: SiteFolders, identity: { name: string; publicUrl: string }): ServedPageManifest {
  const path = join(folders.work, 'page-manifest.jsonl');
  const template = templateFingerprint(identity);
  const log = createPageManifestLog(path, template);
  const servedAtStart = readCurrentBuild(folders);
  const stored = servedAtStart ? loadPageManifest(path, template, servedAtStart) : null;
  let last: ServedBuild | null = stored && { dir: stored.dir, manifest: stored.manifest, rendered: new Set(stored.rendered), removed: new Set() };
  return {
    previous: () => (last && existsSync(last.dir) ? last : null),
    async remember(build, change) {
      last = build;
      await log
        .save({ dir: build.dir, manifest: build.manifest, rendered: [...build.rendered] }, change)
        .catch((error: unknown) => console.error('[site] could not save the page fingerprints; the next restart builds in full:', error));
    },
  };
}
