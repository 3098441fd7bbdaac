import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAstroBuildRunner, type AstroBuildRunner } from '../../../api/site/build/astro-build-runner';
import { createSiteBuilder } from '../../../api/site/build/site-builder';
import { createTestContext, type TestContext } from '../../support/test-context';
import { insertDemoScenario } from '../demo-scenario';
import { insertIncident } from '../insert-published-data';
import { incidentUpdates } from '../../../db/schema/index';

// One warm Astro process for the whole file; each test has its own database and site folder.
let runner: AstroBuildRunner;
let cacheDir: string;
beforeAll(() => {
  cacheDir = mkdtempSync(join(tmpdir(), 'hali-astro-cache-'));
  runner = createAstroBuildRunner({ cacheDir });
});
afterAll(() => {
  runner.close();
  rmSync(cacheDir, { recursive: true, force: true });
});

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext({ SITE_DEPLOY_COMMAND: 'cp -r "$HALI_SITE_BUILD" "$HALI_TEST_DEPLOY_TARGET"' });
  await insertDemoScenario(t.db);
});
afterEach(() => t.close());

const publishUpdate = (id: string, body: string, at: string) =>
  t.db.insert(incidentUpdates).values({ id, incidentId: 'inc-outage', state: 'published', status: 'identified', body, publishedAt: at });

describe('createSiteBuilder', () => {
  it('renders only what a publish changed and carries the other pages over unchanged', async () => {
    const builder = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    const first = await builder.buildNow('first');
    if (!first.ok) throw new Error(first.error);
    expect(first.renderedIncidentPages).toBe(3);

    await publishUpdate('upd-new', 'Printers repaired; receiving resumes on Monday.', '2026-11-25T07:00:00.000Z');
    const second = await builder.buildNow('publish');
    if (!second.ok) throw new Error(second.error);
    expect(second.renderedIncidentPages).toBe(1);
    expect(readFileSync(join(second.dir, 'incidents/inc-outage/index.html'), 'utf8')).toContain('Printers repaired');
    expect(readFileSync(join(second.dir, 'index.html'), 'utf8')).toContain('Printers repaired');
    // Carried over as hard links to the very same file, not rendered again.
    const carried = 'incidents/inc-old/index.html';
    expect(statSync(join(second.dir, carried)).ino).toBe(statSync(join(first.dir, carried)).ino);
    expect(builder.currentDir()).toBe(second.dir);
  });

  it('keeps serving the last good site when a build fails, and reports the failure', async () => {
    const failing: AstroBuildRunner = { build: () => Promise.reject(new Error('Astro crashed')), close: () => {} };
    let useFailing = false;
    const switching: AstroBuildRunner = { build: (r) => (useFailing ? failing : runner).build(r), close: () => {} };
    const builder = createSiteBuilder(t.config, t.db, { runner: switching, log: () => {} });
    const good = await builder.buildNow('good');
    if (!good.ok) throw new Error(good.error);

    useFailing = true;
    await publishUpdate('upd-lost', 'This build will fail.', '2026-11-25T07:00:00.000Z');
    const failed = await builder.buildNow('bad');
    expect(failed).toMatchObject({ ok: false, error: 'Astro crashed' });
    expect(builder.currentDir()).toBe(good.dir);
    expect(readFileSync(join(good.dir, 'index.html'), 'utf8')).not.toContain('This build will fail.');
    expect(builder.status().lastFailure?.error).toBe('Astro crashed');
    await builder.whenIdle();
    expect(readdirSync(join(t.config.site.dir, 'builds'))).toEqual([good.dir.split('/').at(-1)]);

    useFailing = false;
    const recovered = await builder.buildNow('retry');
    expect(recovered.ok).toBe(true);
    expect(readFileSync(join(builder.currentDir() as string, 'index.html'), 'utf8')).toContain('This build will fail.');
  });

  it('swaps builds so that every read sees a complete site, and removes old builds', async () => {
    const builder = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    await builder.buildNow('first');
    const current = join(t.config.site.dir, 'current');
    let reads = 0;
    let building = true;
    const reader = (async () => {
      while (building) {
        // Through the symlink, as the server reads: always a whole site, old or new.
        expect(readFileSync(join(current, 'index.html'), 'utf8')).toMatch(/<\/html>$/);
        expect(existsSync(join(current, 'api/v2/summary.json'))).toBe(true);
        expect(existsSync(join(current, 'incidents/inc-old/index.html'))).toBe(true);
        reads++;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    for (let i = 0; i < 3; i++) {
      await publishUpdate(`upd-swap-${i}`, `Swap ${i}`, `2026-11-25T0${i}:30:00.000Z`);
      await builder.buildNow(`swap ${i}`);
    }
    building = false;
    await reader;
    expect(reads).toBeGreaterThan(0);
    await builder.whenIdle();
    expect(readdirSync(join(t.config.site.dir, 'builds')).length).toBeLessThanOrEqual(2);
    expect(readFileSync(join(current, 'index.html'), 'utf8')).toContain('Swap 2');
  });

  it('runs the deploy command with the new build after each good build', async () => {
    const target = join(t.dir, 'deployed');
    process.env.HALI_TEST_DEPLOY_TARGET = target;
    const builder = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    const result = await builder.buildNow('deploy');
    delete process.env.HALI_TEST_DEPLOY_TARGET;
    expect(result).toMatchObject({ ok: true, deployError: null });
    expect(readFileSync(join(target, 'index.html'), 'utf8')).toContain('Passport system outage at Nyayo House');
  });

  it('pages the history from the oldest, with /history/ showing the newest incidents', async () => {
    // With the scenario's three, 50 published incidents: two full pages.
    for (let i = 0; i < 47; i++) {
      const at = new Date(Date.UTC(2025, 0, 1 + i, 6)).toISOString();
      await insertIncident(t.db, {
        id: `inc-past-${String(i).padStart(2, '0')}`,
        name: `Past incident number ${i}`,
        status: 'resolved',
        updates: [{ id: `upd-past-${i}`, status: 'resolved', body: `Past incident ${i} fixed.`, at }],
      });
    }
    const builder = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    const result = await builder.buildNow('history');
    if (!result.ok) throw new Error(result.error);
    const latest = readFileSync(join(result.dir, 'history/index.html'), 'utf8');
    const oldest = readFileSync(join(result.dir, 'history/1/index.html'), 'utf8');
    expect(latest.indexOf('Passport system outage at Nyayo House')).toBeLessThan(latest.indexOf('Past incident number 46<'));
    expect(latest).toContain('Past incident number 25<');
    expect(latest).not.toContain('Past incident number 24<');
    expect(latest).toContain('href="/history/1/"');
    expect(oldest).toContain('Past incident number 0<');
    expect(oldest.indexOf('Past incident number 24<')).toBeLessThan(oldest.indexOf('Past incident number 0<'));
    expect(oldest).not.toContain('Past incident number 25<');
    expect(oldest).toContain('href="/history/2/"');
    expect(readFileSync(join(result.dir, 'history/2/index.html'), 'utf8')).toContain('Slow collection at Mombasa');
  });

  it('after a restart builds incrementally from the served build, unless the templates changed', async () => {
    const before = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    await before.buildNow('before restart');
    await before.whenIdle();

    const restarted = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    const incremental = await restarted.buildNow('after restart');
    // 3 incidents in two languages, the open one's door notice, 1 history page in two languages.
    expect(incremental).toMatchObject({ ok: true, renderedIncidentPages: 0, carriedOver: 9 });

    // The log's first line holds the whole manifest and the templates it was made with.
    const manifestPath = join(t.config.site.dir, 'work/page-manifest.jsonl');
    const [whole, ...changes] = readFileSync(manifestPath, 'utf8').split('\n');
    writeFileSync(manifestPath, [JSON.stringify({ ...JSON.parse(whole), template: 'templates of an older release' }), ...changes].join('\n'));
    const upgraded = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    expect(await upgraded.buildNow('after upgrade')).toMatchObject({ ok: true, renderedIncidentPages: 3, carriedOver: 0 });
    await upgraded.whenIdle();

    // Every page names the site: a new name must not leave old pages carried over.
    const renamed = createSiteBuilder({ ...t.config, site: { ...t.config.site, name: 'Renamed Status' } }, t.db, { runner, log: () => {} });
    expect(await renamed.buildNow('after rename')).toMatchObject({ ok: true, renderedIncidentPages: 3, carriedOver: 0 });
  });
});
