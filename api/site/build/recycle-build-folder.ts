import { link, mkdir, rename, rm, rmdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ServedBuild } from './served-page-manifest';

/** What the new build folder must hold besides the files Astro renders, as the plan says. */
export type CarryPlan = {
  /** Per-incident and per-history pages this build renders. */
  render: ReadonlySet<string>;
  /** Whether the new site has this per-incident or per-history page. */
  keeps: (file: string) => boolean;
  /** Such pages of the served build that the new site drops. */
  remove: readonly string[];
  /** Every such page of the new site: walked only when no earlier folder can be recycled. */
  pages: () => Iterable<string>;
};

/**
 * What putting the carried-over pages in place did: how many it linked, what it removed, and the
 * files whose fate waits for Astro's output (kept if rendered again, else removed: the home pages,
 * feeds, badges and assets every build renders, and pages only the build before the served one had).
 */
export type Carried = { linked: number; removed: string[]; unsure: string[] };

const batchSize = 256;

async function inBatches<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += batchSize) await Promise.all(items.slice(i, i + batchSize).map(work));
}

async function linkFrom(fromDir: string, toDir: string, files: readonly string[], replace: boolean): Promise<void> {
  await inBatches([...new Set(files.map((file) => dirname(join(toDir, file))))], (folder) => mkdir(folder, { recursive: true }));
  await inBatches(files, async (file) => {
    if (replace) await rm(join(toDir, file), { force: true });
    await link(join(fromDir, file), join(toDir, file));
  });
}

/**
 * Makes the build before the served one (no longer served, kept only for requests in flight one
 * build long), or a copy of the served build's pages, into the new build folder, so a publish
 * costs what it changed rather than a link per page of the whole history. The folder is renamed
 * to the new build's name; it differs from the served build only in `differs` (the files the
 * served build rendered or removed), and from the new site only in those and the pages the plan
 * renders or removes. Of these, pages the new site keeps unchanged are linked from the served
 * build and pages it drops are removed; pages the plan renders are replaced when Astro's output
 * is merged in.
 */
export async function recycleBuildFolder(spareDir: string, differs: readonly string[], served: ServedBuild, toDir: string, plan: CarryPlan): Promise<Carried> {
  await rename(spareDir, toDir);
  const linked: string[] = [];
  const removed: string[] = [];
  const unsure: string[] = [];
  for (const file of new Set([...differs, ...plan.remove])) {
    if (plan.render.has(file)) continue;
    if (plan.keeps(file)) linked.push(file);
    else if (served.manifest.has(file)) removed.push(file);
    else unsure.push(file);
  }
  await linkFrom(served.dir, toDir, linked, true);
  await inBatches(removed, (file) => rm(join(toDir, file), { force: true }));
  return { linked: linked.length, removed, unsure };
}

/**
 * Makes a new build folder holding every page the plan carries over, hard-linked from the served
 * build (no bytes are copied, and each folder stays complete on its own). Costs a link per page
 * of the history: only for a builder's first builds and after a failed one, when there is no
 * earlier folder to recycle.
 */
export async function linkBuildFolder(served: ServedBuild | null, toDir: string, plan: CarryPlan): Promise<Carried> {
  await mkdir(toDir);
  if (!served) return { linked: 0, removed: [], unsure: [] };
  const carried = [...plan.pages()].filter((file) => !plan.render.has(file));
  await linkFrom(served.dir, toDir, carried, false);
  return { linked: carried.length, removed: [], unsure: [] };
}

/**
 * Links every per-incident and per-history page of the served build into a new folder (replacing
 * one left at that path): a folder the next build can be made from when there is no earlier build
 * to recycle. Run in the background between builds.
 */
export async function copyServedPages(served: ServedBuild, toDir: string): Promise<void> {
  await rm(toDir, { recursive: true, force: true });
  await mkdir(toDir, { recursive: true });
  await linkFrom(served.dir, toDir, [...served.manifest.keys()], false);
}

/**
 * Once Astro's output is merged in: removes the files left unsure that it did not render, and the
 * folders of removed files once empty, so a path stops naming a folder of the site. Answers the
 * files removed.
 */
export async function removeLeftovers(dir: string, carried: Carried, rendered: ReadonlySet<string>): Promise<string[]> {
  const stale = carried.unsure.filter((file) => !rendered.has(file));
  await inBatches(stale, (file) => rm(join(dir, file), { force: true }));
  const removed = [...carried.removed, ...stale];
  // Deepest first, so a page's folder goes after the notice folder inside it.
  const folders = new Set<string>();
  for (const file of removed) {
    for (let folder = dirname(file); folder !== '.' && folder !== '/'; folder = dirname(folder)) folders.add(folder);
  }
  const byDepth = [...folders].sort((a, b) => b.split('/').length - a.split('/').length);
  for (const folder of byDepth) {
    await rmdir(join(dir, folder)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOTEMPTY' && error.code !== 'ENOENT' && error.code !== 'EEXIST') throw error;
    });
  }
  return stale;
}
