import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteFolders } from '../site-folders';
import { mergeRenderedPages } from './assemble-build-folder';
import type { AstroBuildRunner } from './astro-build-runner';
import type { BuildPaths } from './build-paths';
import type { SiteBuildPlan } from './plan-site-build';
import type { StepTimer } from './step-timer';

/** Files every good build renders; a build without them is not swapped in (a recycled folder's older copies do not count). */
const requiredFiles = ['index.html', 'sw/index.html', 'history/index.html', 'history.atom', 'api/v2/summary.json'];

/**
 * Fills the new build folder: the pages the plan renders, from Astro, and the unchanged ones, which
 * `carryOver` puts in place (makes `paths.dir` holding them). Answers the files Astro rendered.
 * Throws unless the folder is a whole site.
 */
export async function renderBuildFolder(
  runner: AstroBuildRunner,
  folders: SiteFolders,
  paths: BuildPaths,
  plan: SiteBuildPlan,
  carryOver: () => Promise<void>,
  timer: StepTimer,
): Promise<string[]> {
  await mkdir(folders.work, { recursive: true });
  await mkdir(folders.builds, { recursive: true });
  await writeFile(paths.snapshotPath, JSON.stringify(plan.snapshot));
  timer.step('plan');
  // Astro renders the changed pages while the unchanged ones are linked in alongside.
  // Both must have stopped before a failure cleans up, or the cleanup would race the links.
  const outcomes = await Promise.allSettled([
    runner.build({ outDir: paths.renderedDir, snapshotPath: paths.snapshotPath }),
    carryOver(),
  ]);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  timer.step('astro');
  const rendered = await mergeRenderedPages(paths.renderedDir, paths.dir);
  timer.step('merge');
  const missing = requiredFiles.filter((file) => !rendered.includes(file) || !existsSync(join(paths.dir, file)));
  if (missing.length > 0) throw new Error(`the build is missing ${missing.join(', ')}`);
  return rendered;
}
