import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Database } from '../../../db/client';
import type { Config } from '../../config';
import type { SiteBuildScheduler, SiteBuildStatus } from '../../dependencies';
import { readPublishedData } from '../../status/read-published-data';
import { createAstroBuildRunner, type AstroBuildRunner } from './astro-build-runner';
import { createBuildQueue } from './build-queue';
import { carryOverPages, mergeRenderedPages } from './assemble-build-folder';
import { planSiteBuild, type PageManifest } from './plan-site-build';
import { loadPageManifest, savePageManifest, templateFingerprint } from './page-manifest-store';
import { runDeployCommand } from './run-deploy-command';
import { readCurrentBuild, removeOldBuilds, siteFolders, switchCurrentBuild } from '../site-folders';

export type BuildResult =
  | {
      ok: true;
      dir: string;
      reasons: string[];
      renderedIncidentPages: number;
      carriedOver: number;
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

/** Files every good build has; a build without them is not swapped in. */
const requiredFiles = ['index.html', 'sw/index.html', 'history/index.html', 'history.atom', 'api/v2/summary.json'];

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
  const runner = options.runner ?? createAstroBuildRunner({ cacheDir: join(folders.work, 'astro-cache') });
  const log = options.log ?? ((message: string) => console.log(`[site] ${message}`));
  const identity = { name: config.site.name, publicUrl: config.publicUrl };
  // Fingerprints of the pages in the served build, from disk after a restart.
  const manifestPath = join(folders.work, 'manifest.json');
  const template = templateFingerprint(identity);
  const servedAtStart = readCurrentBuild(folders);
  const storedManifest = loadPageManifest(manifestPath, template, servedAtStart);
  let lastManifest: { dir: string; manifest: PageManifest } | null =
    servedAtStart && storedManifest ? { dir: servedAtStart, manifest: storedManifest } : null;
  let lastGood: SiteBuildStatus['lastGood'] = null;
  let lastFailure: SiteBuildStatus['lastFailure'] = null;
  let sequence = 0;
  let cleaning: Promise<void> = Promise.resolve();

  async function buildOnce(reasons: string[]): Promise<BuildResult> {
    const started = performance.now();
    const steps: Record<string, number> = {};
    let mark = started;
    const step = (name: string) => {
      const now = performance.now();
      steps[name] = Math.round(now - mark);
      mark = now;
    };
    // Names sort in build order, which is how old builds are told apart from new ones.
    const id = `${new Date().toISOString().replace(/[-:.]/g, '')}-${String(++sequence).padStart(6, '0')}`;
    const dir = join(folders.builds, id);
    const renderedDir = join(folders.work, `${id}-rendered`);
    const snapshotPath = join(folders.work, `${id}.json`);
    try {
      const data = await readPublishedData(db);
      step('read');
      const previous = lastManifest && existsSync(lastManifest.dir) ? lastManifest : null;
      const plan = planSiteBuild(data, identity, previous?.manifest ?? null);
      await mkdir(folders.work, { recursive: true });
      await mkdir(folders.builds, { recursive: true });
      await writeFile(snapshotPath, JSON.stringify(plan.snapshot));
      step('plan');
      // Astro renders the changed pages while the unchanged ones are linked in alongside.
      // Both must have stopped before a failure cleans up, or the cleanup would race the links.
      const outcomes = await Promise.allSettled([
        runner.build({ outDir: renderedDir, snapshotPath }),
        mkdir(dir).then(() => (previous ? carryOverPages(previous.dir, dir, plan.reuse) : undefined)),
      ]);
      for (const outcome of outcomes) if (outcome.status === 'rejected') throw outcome.reason;
      step('astro');
      await mergeRenderedPages(renderedDir, dir);
      step('merge');
      const missing = requiredFiles.filter((file) => !existsSync(join(dir, file)));
      if (missing.length > 0) throw new Error(`the build is missing ${missing.join(', ')}`);
      const before = readCurrentBuild(folders);
      await switchCurrentBuild(folders, dir);
      step('swap');
      // The new site is live from here on: nothing below may undo it, failures are only reported.
      lastManifest = { dir, manifest: plan.manifest };
      lastGood = { dir, at: new Date().toISOString() };
      await savePageManifest(manifestPath, { template, dir, manifest: plan.manifest }).catch((error: unknown) =>
        console.error('[site] could not save the page fingerprints; the next restart builds in full:', error),
      );
      // In the background: deleting ten thousand files must not hold up the next publish.
      cleaning = removeOldBuilds(folders, before ?? dir).catch((error: unknown) => console.error('[site] could not remove old builds:', error));
      const deployError = config.site.deployCommand ? await runDeployCommand(config.site.deployCommand, dir) : null;
      if (deployError) console.error(`[site] built, but the deploy command failed: ${deployError}`);
      const ms = Math.round(performance.now() - started);
      const rendered = plan.snapshot.incidentPages.length;
      log(`built in ${ms} ms ${JSON.stringify(steps)} (${rendered} incident pages rendered, ${plan.reuse.length} carried over) for: ${reasons.join(', ')}`);
      return { ok: true, dir, reasons, renderedIncidentPages: rendered, carriedOver: plan.reuse.length, ms, steps, deployError };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      lastFailure = { error: message, at: new Date().toISOString() };
      await Promise.all([rm(dir, { recursive: true, force: true }), rm(renderedDir, { recursive: true, force: true })]);
      console.error(`[site] build failed, still serving the last good site: ${message}`);
      return { ok: false, error: message, reasons, ms: Math.round(performance.now() - started) };
    } finally {
      await rm(snapshotPath, { force: true });
    }
  }

  const queue = createBuildQueue(buildOnce);
  return {
    schedule(reason) {
      void queue.schedule(reason);
    },
    buildNow: (reason = 'requested') => queue.schedule(reason),
    async whenIdle() {
      await queue.whenIdle();
      await cleaning;
    },
    currentDir: () => readCurrentBuild(folders),
    status: () => ({ building: queue.isBuilding(), lastGood, lastFailure }),
    close: () => runner.close(),
  };
}
