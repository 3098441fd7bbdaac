import { readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from '../../../db/client';
import type { Config } from '../../config';
import type { SiteBuildScheduler, SiteBuildStatus } from '../../dependencies';
import { readCurrentBuild, removeOldBuilds, siteFolders, switchCurrentBuild, type SiteFolders } from '../site-folders';
import { createAstroBuildRunner, type AstroBuildRunner } from './astro-build-runner';
import { createBuildQueue } from './build-queue';
import { newBuildPaths, type BuildPaths } from './build-paths';
import { planSiteBuild, type PageManifest, type SiteBuildPlan } from './plan-site-build';
import { readSiteChanges } from './read-site-changes';
import { copyServedPages, linkBuildFolder, recycleBuildFolder, removeLeftovers, type Carried, type CarryPlan } from './recycle-build-folder';
import { renderBuildFolder } from './render-build-folder';
import { runDeployCommand } from './run-deploy-command';
import { createServedPageManifest, type ServedBuild, type ServedPageManifest } from './served-page-manifest';
import { applySiteRead, createSiteModel, resetSiteModel, type ModelChanges, type SiteModel } from './site-model';
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
  /** The published data as of the last read, patched by each build's read of what changed. */
  model: SiteModel;
  /** What changed since the served build was planned (kept until a build goes live); null: anything may have. */
  pending: ModelChanges | null;
  sequence: number;
  lastGood: SiteBuildStatus['lastGood'];
  lastFailure: SiteBuildStatus['lastFailure'];
  /** Old builds being deleted in the background. */
  cleaning: Promise<void>;
  /** The folder the next build is made from, if there is one. */
  spare: Spare | null;
};

/**
 * A folder the next build can be made from, and the files in which it may differ from the served
 * site: the build served before the served one (untouched since; it differs in what the served
 * build rendered or removed), or, when there is no such build (after a first build that had
 * nothing served before it, or a failed build), a copy of the served build's pages linked in the
 * background (it differs in nothing; usable once `ready` says true).
 */
type Spare = { dir: string; differs: readonly string[]; ready: Promise<boolean> };

/**
 * Rebuilds the public site from published data whenever asked, one build at a time. Each build
 * goes to a new folder and is swapped in atomically; a failed build leaves the last good site
 * served and is reported. Only what changed is read, planned, rendered and put in place.
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
    model: createSiteModel(),
    pending: null,
    sequence: 0,
    lastGood: null,
    lastFailure: null,
    cleaning: Promise.resolve(),
    spare: null,
  };
  // Copies an earlier process was preparing are of no use to this one.
  builder.cleaning = removeSpareCopies(folders).catch((error: unknown) => console.error('[site] could not remove old copies of pages:', error));
  const queue = createBuildQueue((reasons) => buildOnce(builder, reasons));
  return {
    schedule(reason) {
      void queue.schedule(reason);
    },
    buildNow: (reason = 'requested') => queue.schedule(reason),
    async whenIdle() {
      await queue.whenIdle();
      await builder.cleaning;
      await builder.spare?.ready;
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
    // The spare went with the failed folder: the next build should not have to link every page.
    const served = builder.served.previous();
    if (!builder.spare && served) builder.spare = prepareSpare(builder, served);
    return { ok: false, error: message, reasons, ms: timer.elapsed() };
  } finally {
    await rm(paths.snapshotPath, { force: true });
  }
}

/** The spare, unless it is the folder being served. */
function takeSpare(builder: Builder): Spare | null {
  const spare = builder.spare;
  builder.spare = null;
  return spare && spare.dir !== readCurrentBuild(builder.folders) ? spare : null;
}

/** Removes copies of served pages no build will use: left by a process that stopped, or dropped. */
async function removeSpareCopies(folders: SiteFolders): Promise<void> {
  const names = existsSync(folders.work) ? await readdir(folders.work) : [];
  await Promise.all(names.filter((name) => name.startsWith('spare-')).map((name) => rm(join(folders.work, name), { recursive: true, force: true })));
}

/**
 * Starts linking the served build's pages into a folder of their own, in the background, so the
 * next build can be made from it at the cost of what it changes. Earlier copies go first.
 */
function prepareSpare(builder: Builder, served: ServedBuild): Spare {
  // Named after the build number too: a copy dropped unfinished (its build failed first) never shares a folder with the next.
  const dir = join(builder.folders.work, `spare-${basename(served.dir)}-${builder.sequence}`);
  const ready = removeSpareCopies(builder.folders)
    .then(() => copyServedPages(served, dir))
    .then(
      () => true,
      (error: unknown) => {
        // Folders gone from under it (a newer copy's cleanup, a test's site removed) need no word;
        // anything else that fails here fails the next build too, which reports it.
        if (existsSync(dir) && existsSync(served.dir)) console.error('[site] could not prepare the next build folder; the next build links every page:', error);
        return false;
      },
    );
  return { dir, differs: [], ready };
}

/** Reads what changed into the model; what the next plan must look at grows by it until a build goes live. */
async function readChanges(builder: Builder, now: Date): Promise<void> {
  const read = await readSiteChanges(builder.db, builder.model.cursor);
  let changes: ModelChanges | null;
  try {
    changes = applySiteRead(builder.model, read, now);
  } catch (error) {
    // Half patched, the model cannot be trusted: the next build reads everything.
    resetSiteModel(builder.model);
    builder.pending = null;
    throw error;
  }
  if (!changes || !builder.pending) {
    builder.pending = null;
    return;
  }
  for (const id of changes.incidents) builder.pending.incidents.add(id);
  for (const page of changes.historyPages) builder.pending.historyPages.add(page);
}

/** The plan as the folder assembly needs it: which per-incident and per-history pages the new site has. */
function carryPlanOf(plan: SiteBuildPlan, served: ServedBuild | null): CarryPlan {
  const removed = new Set(plan.remove);
  const previous: PageManifest = plan.complete || !served ? new Map() : served.manifest;
  return {
    render: plan.render,
    remove: plan.remove,
    keeps: (file) => plan.pages.has(file) || (previous.has(file) && !removed.has(file)),
    *pages() {
      for (const file of previous.keys()) if (!removed.has(file) && !plan.pages.has(file)) yield file;
      yield* plan.pages.keys();
    },
  };
}

/** Read, plan, render, swap in; then the follow-ups of a live build, which only report failures. */
async function buildAndSwap(builder: Builder, paths: BuildPaths, timer: StepTimer, reasons: string[]): Promise<BuildResult> {
  const now = new Date();
  await readChanges(builder, now);
  timer.step('read');
  const served = builder.served.previous();
  const plan = planSiteBuild(builder.model, builder.identity, served?.manifest ?? null, builder.pending, now);
  // Taken whether or not this build succeeds: a failed build removes its folder, spare included.
  const spare = served ? takeSpare(builder) : null;
  const carryPlan = carryPlanOf(plan, served);
  let carried: Carried = { linked: 0, removed: [], unsure: [] };
  const carry = async () => {
    const usable = spare && served && (await spare.ready) && existsSync(spare.dir);
    if (usable) carried = await recycleBuildFolder(spare.dir, spare.differs, served, paths.dir, carryPlan);
    else {
      if (spare) await rm(spare.dir, { recursive: true, force: true });
      carried = await linkBuildFolder(served, paths.dir, carryPlan);
    }
  };
  const rendered = new Set(await renderBuildFolder(builder.runner, builder.folders, paths, plan, carry, timer));
  await removeLeftovers(paths.dir, carried, rendered);
  timer.step('tidy');
  const before = readCurrentBuild(builder.folders);
  await switchCurrentBuild(builder.folders, paths.dir);
  timer.step('swap');
  // The new site is live from here on: nothing below may undo it, failures are only reported.
  builder.lastGood = { dir: paths.dir, at: new Date().toISOString() };
  builder.pending = { incidents: new Set(), historyPages: new Set() };
  // What the served build had that this one has not: the next build's recycled folder still holds it.
  const removed = new Set(plan.remove);
  for (const file of served?.rendered ?? []) if (!rendered.has(file) && !served?.manifest.has(file) && !plan.pages.has(file)) removed.add(file);
  const live: ServedBuild = { dir: paths.dir, manifest: nextManifest(plan, served), rendered, removed };
  // The build served until now is the next build's folder; without one, a copy is made meanwhile.
  builder.spare = served && served.dir === before ? { dir: served.dir, differs: [...rendered, ...removed], ready: Promise.resolve(true) } : prepareSpare(builder, live);
  await builder.served.remember(live, manifestChange(plan));
  timer.step('remember');
  // In the background: deleting ten thousand files must not hold up the next publish. The build
  // served until now stays (for requests in flight), and becomes the next build's folder.
  builder.cleaning = removeOldBuilds(builder.folders, before ?? paths.dir).catch((error: unknown) => console.error('[site] could not remove old builds:', error));
  const command = builder.config.site.deployCommand;
  const deployError = command ? await runDeployCommand(command, paths.dir) : null;
  if (deployError) console.error(`[site] built, but the deploy command failed: ${deployError}`);
  const ms = timer.elapsed();
  const renderedIncidentPages = plan.snapshot.incidentPages.length;
  const carriedOver = plan.pageCount - plan.render.size;
  builder.log(
    `built in ${ms} ms ${JSON.stringify(timer.steps)} (${renderedIncidentPages} incident pages rendered, ${carriedOver} carried over, ${carried.linked} of them linked) for: ${reasons.join(', ')}`,
  );
  return { ok: true, dir: paths.dir, reasons, renderedIncidentPages, carriedOver, linked: carried.linked, ms, steps: timer.steps, deployError };
}

/** The new build's page fingerprints: the plan's own when complete, else the served build's patched in place (it is no longer needed). */
function nextManifest(plan: SiteBuildPlan, served: ServedBuild | null): PageManifest {
  if (plan.complete || !served) return plan.pages;
  for (const [file, hash] of plan.pages) served.manifest.set(file, hash);
  for (const file of plan.remove) served.manifest.delete(file);
  return served.manifest;
}

/** What the log on disk must add for this build: the pages rendered and removed (null: write it whole). */
function manifestChange(plan: SiteBuildPlan): { set: [string, string][]; remove: readonly string[] } | null {
  if (plan.complete) return null;
  const set: [string, string][] = [];
  for (const file of plan.render) {
    const hash = plan.pages.get(file);
    if (hash !== undefined) set.push([file, hash]);
  }
  return { set, remove: plan.remove };
}
