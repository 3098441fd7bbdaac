import { existsSync, readlinkSync } from 'node:fs';
import { readdir, rename, rm, symlink } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';

// Layout under config.site.dir:
//   builds/<id>/   one complete site per build
//   current        symlink to the build being served, replaced in one rename(2)
//   work/          snapshots and Astro's cache

export type SiteFolders = { root: string; builds: string; current: string; work: string };

export function siteFolders(siteDir: string): SiteFolders {
  const root = resolve(siteDir);
  return { root, builds: join(root, 'builds'), current: join(root, 'current'), work: join(root, 'work') };
}

/** The build folder `current` points to, or null before the first good build. */
export function readCurrentBuild(folders: SiteFolders): string | null {
  try {
    const target = resolve(folders.root, readlinkSync(folders.current));
    return existsSync(target) ? target : null;
  } catch {
    return null;
  }
}

/**
 * Points `current` at `buildDir` atomically: a new symlink is made beside it and renamed over the
 * old one, so a visitor gets either the old site or the new one, never a mix or nothing.
 */
export async function switchCurrentBuild(folders: SiteFolders, buildDir: string): Promise<void> {
  const temporary = `${folders.current}.${process.pid}.${Date.now()}`;
  await symlink(join('builds', buildDir.slice(folders.builds.length + 1)), temporary);
  await rename(temporary, folders.current);
}

/**
 * Deletes the builds older than `oldestKept` (the one served until now stays for requests in
 * flight). Build names sort in build order, so a build started since is never touched.
 */
export async function removeOldBuilds(folders: SiteFolders, oldestKept: string): Promise<void> {
  const keepFrom = basename(oldestKept);
  const names = existsSync(folders.builds) ? await readdir(folders.builds) : [];
  await Promise.all(names.filter((name) => name < keepFrom).map((name) => rm(join(folders.builds, name), { recursive: true, force: true })));
}
