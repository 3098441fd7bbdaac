import { mkdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from '../../../db/client';
import type { Config } from '../../config';
import type { SiteBuildScheduler, SiteBuildStatus } from '../../dependencies';
import { readPublishedData } from '../../status/read-published-data';
import { readCurrentBuild, removeOldBuilds, siteFolders, switchCurrentBuild, type SiteFolders } from '../site-folders';
import { createAstroBuildRunner, type AstroBuildRunner } from './astro-build-runner';
import { createBuildQueue } from './build-queue';
import { newBuildPaths, type BuildPaths } from './build-paths';
import { carryOverPages } from './assemble-build-folder';
import { planSiteBuild, type SiteBuildPlan } from './plan-site-build';
import { filesOfBuild, recycleBuildFolder, removeStaleFiles, type KnownBuild } from './recycle-build-folder';
import { renderBuildFolder } from './render-build-folder';
import { runDeployCommand } from './run-deploy-command';
import { createServedPageManifest, type ServedPageManifest } from './served-page-manifest';
import { startStepTimer, type StepTimer } from './step-timer';

export type BuildResult =
  | {
      ok: true;
      dir: string;
      reasons: string[];
      renderedIncidentPages: number;
      carriedOver: number;
      /** Of those, how many had to be linked in: the carrying over's cost, the pages changed since the folder's earlier build. */
      linked: number;
      ms: number;
      /** Milliseconds spent in each step, to see where a slow build goes. */
      steps: Record<string, number>;
      deployError: string | null;
    }
  | { ok: false; error: string; reasons: string[]; ms: number };

export type SiteBuilder = SiteBuildScheduler & {
  /** Builds now (or right after the build under way) and resolves with that build's result. */
  buildNow: (reason?: string) => Promise<BuildResult>;
  whenIdle: () => Promise<void>;
  /** The folder being served, or null before the first good build. */
  currentDir: () => string | null;
  status: () => SiteBuildStatus;
  close: () => void;
};

/** What every build of one builder shares, and what the builds so far left behind. */
type Builder = {
  config: Config;
  db: Database;
  folders: SiteFolders;
  runner: AstroBuildRunner;
  log: (message: string) => void;
  identity: { name: string; publicUrl: string };
  served: ServedPageManifest;
  sequence: number;
  lastGood: SiteBuildStatus['lastGood'];
  lastFailure: SiteBuildStatus['lastFailure'];
  /** Old builds being deleted in the background. */
  cleaning: Promise<void>;
  /** The served build with all its files, once this builder made it. */
  servedFiles: KnownBuild | null;
  /** The build served before it, still on disk: the next build's folder is made from it. */
  spare: KnownBuild | null;
};

/**
 * Rebuilds the public site from published data whenever asked, one build at a time. Each build
 * goes to a new folder and is swapped in atomically; a failed build leaves the last good site
 * served and is reported. Only pages whose content changed are rendered again.
 */
export function createSiteBuilder(
  config: Config,
  db: Database,
  options: { runner?: AstroBuildRunner; log?: (message: string) => void } = {},
): SiteBuilder {
  const folders = siteFolders(config.site.dir);
  const identity = { name: config.site.name, publicUrl: config.publicUrl };
  const builder: Builder = {
    config,
    db,
    folders,
    runner: options.runner ?? createAstroBuildRunner({ cacheDir: join(folders.work, 'astro-cache') }),
    log: options.log ?? ((message: string) => console.log(`[site] ${message}`)),
    identity,
    served: createServedPageManifest(folders, identity),
    sequence: 0,
    lastGood: null,
    lastFailure: null,
    cleaning: Promise.resolve(),
    servedFiles: null,
    spare: null,
  };
  const queue = createBuildQueue((reasons) => buildOnce(builder, reasons));
  return {
    schedule(reason) {
      void queue.schedule(reason);
    },
    buildNow: (reason = 'requested') => queue.schedule(reason),
    async whenIdle() {
      await queue.whenIdle();
      await builder.cleaning;
    },
    currentDir: () => readCurrentBuild(folders),
    status: () => ({ building: queue.isBuilding(), lastGood: builder.lastGood, lastFailure: builder.lastFailure }),
    close: () => builder.runner.close(),
  };
}

/** One build, start to end: a failure removes its half-made folders and keeps the last good site. */
async function buildOnce(builder: Builder, reasons: string[]): Promise<BuildResult> {
  const timer = startStepTimer();
  const paths = newBuildPaths(builder.folders, ++builder.sequence);
  try {
    return await buildAndSwap(builder, paths, timer, reasons);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    builder.lastFailure = { error: message, at: new Date().toISOString() };
    await Promise.all([rm(paths.dir, { recursive: true, force: true }), rm(paths.renderedDir, { recursive: true, force: true })]);
    console.error(`[site] build failed, still serving the last good site: ${message}`);
    return { ok: false, error: message, reasons, ms: timer.elapsed() };
  } finally {
    await rm(paths.snapshotPath, { force: true });
  }
}

/** The spare folder, if it is still there and not the one being served. */
function takeSpare(builder: Builder): KnownBuild | null {
  const spare = builder.spare;
  builder.spare = null;
  if (!spare || spare.dir === readCurrentBuild(builder.folders) || !existsSync(spare.dir)) return null;
  return spare;
}

/**
 * Puts the pages the plan carries over into the new folder: by recycling the spare build (cost:
 * the pages changed since it), or else (first build, or after a restart) by linking every one from
 * the served build. Answers how many pages it linked.
 */
async function carryOver(spare: KnownBuild | null, servedDir: string | null, dir: string, plan: SiteBuildPlan): Promise<number> {
  if (spare && servedDir) return recycleBuildFolder(spare, servedDir, dir, plan);
  await mkdir(dir);
  if (!servedDir) return 0;
  await carryOverPages(servedDir, dir, plan.reuse);
  return plan.reuse.length;
}

/** Read, plan, render, swap in; then the follow-ups of a live build, which only report failures. */
async function buildAndSwap(builder: Builder, paths: BuildPaths, timer: StepTimer, reasons: string[]): Promise<BuildResult> {
  const data = await readPublishedData(builder.db);
  timer.step('read');
  const previous = builder.served.previous();
  const plan = planSiteBuild(data, builder.identity, previous?.manifest ?? null);
  // Taken whether or not this build succeeds: a failed build removes its folder, spare included.
  const spare = previous ? takeSpare(builder) : null;
  let linked = 0;
  const carry = async () => void (linked = await carryOver(spare, previous?.dir ?? null, paths.dir, plan));
  const renderedFiles = await renderBuildFolder(builder.runner, builder.folders, paths, plan, carry, timer);
  const files = filesOfBuild(plan.manifest, renderedFiles);
  if (spare) await removeStaleFiles(paths.dir, spare.files, files);
  const before = readCurrentBuild(builder.folders);
  await switchCurrentBuild(builder.folders, paths.dir);
  timer.step('swap');
  // The new site is live from here on: nothing below may undo it, failures are only reported.
  builder.lastGood = { dir: paths.dir, at: new Date().toISOString() };
  builder.spare = builder.servedFiles?.dir === before ? builder.servedFiles : null;
  builder.servedFiles = { dir: paths.dir, files };
  await builder.served.remember(paths.dir, plan.manifest);
  // In the background: deleting ten thousand files must not hold up the next publish. The build
  // served until now stays (for requests in flight), and becomes the next build's folder.
  builder.cleaning = removeOldBuilds(builder.folders, before ?? paths.dir).catch((error: unknown) => console.error('[site] could not remove old builds:', error));
  const command = builder.config.site.deployCommand;
  const deployError = command ? await runDeployCommand(command, paths.dir) : null;
  if (deployError) console.error(`[site] built, but the deploy command failed: ${deployError}`);
  const ms = timer.elapsed();
  const rendered = plan.snapshot.incidentPages.length;
  builder.log(`built in ${ms} ms ${JSON.stringify(timer.steps)} (${rendered} incident pages rendered, ${plan.reuse.length} carried over, ${linked} of them linked) for: ${reasons.join(', ')}`);
  return { ok: true, dir: paths.dir, reasons, renderedIncidentPages: rendered, carriedOver: plan.reuse.length, linked, ms, steps: timer.steps, deployError };
}
