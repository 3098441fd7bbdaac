import { link, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { PageManifest } from './plan-site-build';

/**
 * Every file of one build folder: the fingerprint of the view a per-incident or per-history page
 * was rendered from, or null for the pages every build renders (home, feeds, JSON, assets).
 */
export type BuildFiles = Map<string, string | null>;

/** A build folder whose every file we know. */
export type KnownBuild = { dir: string; files: BuildFiles };

const batchSize = 256;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += batchSize) await Promise.all(items.slice(i, i + batchSize).map(work));
}

/**
 * Makes the build before the served one (no longer served, kept only for requests in flight one
 * build long) into the new build folder, so a publish costs what it changed rather than a link per
 * page of the whole history: the folder is renamed to the new build's name, and only the pages
 * that the plan carries over but that this folder holds in another version (or lacks) are linked
 * from the served build, replacing its own. Pages the plan renders are replaced when Astro's
 * output is merged in; files the new site no longer has are removed by `removeStaleFiles`.
 * Answers how many pages it linked.
 */
export async function recycleBuildFolder(spare: KnownBuild, served: string, toDir: string, plan: { manifest: PageManifest; reuse: readonly string[] }): Promise<number> {
  await rename(spare.dir, toDir);
  const outdated = plan.reuse.filter((file) => spare.files.get(file) !== plan.manifest.get(file));
  await inBatches([...new Set(outdated.map((file) => dirname(join(toDir, file))))], (folder) => mkdir(folder, { recursive: true }));
  await inBatches(outdated, async (file) => {
    await rm(join(toDir, file), { force: true });
    await link(join(served, file), join(toDir, file));
  });
  return outdated.length;
}

/** Removes from a recycled folder the files its earlier build had and the new site does not (an incident taken down, say). */
export async function removeStaleFiles(dir: string, had: BuildFiles, has: BuildFiles): Promise<void> {
  const stale = [...had.keys()].filter((file) => !has.has(file));
  await inBatches(stale, (file) => rm(join(dir, file), { force: true }));
  // A page's own folder goes too once empty, so the path stops naming a folder of the site.
  await inBatches([...new Set(stale.map((file) => dirname(join(dir, file))))], (folder) =>
    rmdir(folder).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'ENOENT' && error.code !== 'EEXIST') throw error;
    }),
  );
}

/** The files of a build just made: the plan's tracked pages, plus what Astro rendered besides them. */
export function filesOfBuild(manifest: PageManifest, rendered: readonly string[]): BuildFiles {
  const files: BuildFiles = new Map(manifest);
  for (const file of rendered) if (!files.has(file)) files.set(file, null);
  return files;
}
