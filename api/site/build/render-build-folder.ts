import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteFolders } from '../site-folders';
import { carryOverPages, mergeRenderedPages } from './assemble-build-folder';
import type { AstroBuildRunner } from './astro-build-runner';
import type { BuildPaths } from './build-paths';
import type { SiteBuildPlan } from './plan-site-build';
import type { StepTimer } from './step-timer';

/** Files every good build has; a build without them is not swapped in. */
const requiredFiles = ['index.html', 'sw/index.html', 'history/index.html', 'history.atom', 'api/v2/summary.json'];

/**
 * Fills the new build folder: the pages the plan renders, from Astro, and the unchanged ones,
 * linked from the previous build. Throws unless the folder is a whole site.
 */
export async function renderBuildFolder(
  runner: AstroBuildRunner,
  folders: SiteFolders,
  paths: BuildPaths,
  plan: SiteBuildPlan,
  previousDir: string | null,
  timer: StepTimer,
): Promise<void> {
  await mkdir(folders.work, { recursive: true });
  await mkdir(folders.builds, { recursive: true });
  await writeFile(paths.snapshotPath, JSON.stringify(plan.snapshot));
  timer.step('plan');
  // Astro renders the changed pages while the unchanged ones are linked in alongside.
  // Both must have stopped before a failure cleans up, or the cleanup would race the links.
  const outcomes = await Promise.allSettled([
    runner.build({ outDir: paths.renderedDir, snapshotPath: paths.snapshotPath }),
    mkdir(paths.dir).then(() => (previousDir ? carryOverPages(previousDir, paths.dir, plan.reuse) : undefined)),
  ]);
  for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
  timer.step('astro');
  await mergeRenderedPages(paths.renderedDir, paths.dir);
  timer.step('merge');
  const missing = requiredFiles.filter((file) => !existsSync(join(paths.dir, file)));
  if (missing.length > 0) throw new Error(`the build is missing ${missing.join(', ')}`);
}
