import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAstroBuildRunner, type AstroBuildRunner } from '../../../api/site/build/astro-build-runner';
import { createSiteBuilder, type BuildResult } from '../../../api/site/build/site-builder';
import { components, incidents, incidentUpdates } from '../../../db/schema/index';
import { createTestContext, type TestContext } from '../../support/test-context';
import { insertDemoScenario } from '../demo-scenario';

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
  t = await createTestContext();
  await insertDemoScenario(t.db);
});
afterEach(() => t.close());

/** Every file under `dir` with its bytes, by relative path. */
function tree(dir: string): Map<string, string> {
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isFile());
  return new Map(files.sort().map((path) => [path, readFileSync(join(dir, path), 'base64')]));
}

/** Empty folders left behind would still answer as pages' parents. */
function emptyFolders(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((path) => statSync(join(dir, path)).isDirectory() && readdirSync(join(dir, path)).length === 0);
}

const ok = (result: BuildResult) => {
  if (!result.ok) throw new Error(result.error);
  return result;
};

const publish = (incidentId: string, id: string, body: string, at: string) =>
  t.db.insert(incidentUpdates).values({ id, incidentId, state: 'published', status: 'identified', body, publishedAt: at });

// A build folder is made from the one served before the current build, changing only what
// changed since: the site it makes must be exactly the site a full build makes.
describe('a build made from an earlier build folder', () => {
  it('is file for file the site a full build makes, keeps unchanged pages in place and drops what is gone', async () => {
    const builder = createSiteBuilder(t.config, t.db, { runner, log: () => {} });
    const first = ok(await builder.buildNow('first'));
    await publish('inc-old', 'upd-a', 'A note on the old incident.', '2026-11-25T07:00:00.000Z');
    const second = ok(await builder.buildNow('second'));
    // No build came before the first: its pages were linked into a folder of their own in the
    // background, and the second build was made from that, linking nothing.
    expect(second.linked).toBe(0);
    expect(second.carriedOver).toBeGreaterThan(0);
    await publish('inc-outage', 'upd-b', 'Receiving resumes on Monday.', '2026-11-25T08:00:00.000Z');
    const unchanged = 'incidents/mnt-planned/index.html';
    const firstInode = statSync(join(first.dir, unchanged)).ino;
    const third = ok(await builder.buildNow('third'));
    // The first build's folder became the third: only the pages the first publish changed (the old
    // incident's, in two languages) were linked in; the unchanged ones stayed where they were.
    expect(third.renderedIncidentPages).toBe(1);
    expect(third.linked).toBeGreaterThanOrEqual(2);
    expect(third.linked).toBeLessThan(third.carriedOver);
    expect(statSync(join(third.dir, unchanged)).ino).toBe(firstInode);

    // Taken down: its pages must not survive in the folder the next build recycles.
    await t.db.delete(incidents).where(eq(incidents.id, 'inc-old'));
    ok(await builder.buildNow('fourth'));
    // Closed, its door notice goes; renamed, a component changes the pages that name it.
    await t.db.update(incidents).set({ status: 'resolved', resolvedAt: '2026-11-25T09:00:00.000Z' }).where(eq(incidents.id, 'inc-outage'));
    await t.db.update(components).set({ name: 'Passport application receiving (Nyayo House)' }).where(eq(components.id, 'cmp-nyh-app'));
    const fifth = ok(await builder.buildNow('fifth'));
    expect(fifth.renderedIncidentPages).toBe(1);
    await builder.whenIdle();
    expect(builder.currentDir()).toBe(fifth.dir);
    expect(readdirSync(join(t.config.site.dir, 'builds'))).toHaveLength(2);

    const full = createSiteBuilder({ ...t.config, site: { ...t.config.site, dir: join(t.dir, 'full-site') } }, t.db, { runner, log: () => {} });
    const reference = ok(await full.buildNow('full'));
    const built = tree(fifth.dir);
    expect([...built.keys()]).toEqual([...tree(reference.dir).keys()]);
    expect(built).toEqual(tree(reference.dir));
    expect([...built.keys()].some((path) => path.includes('inc-old'))).toBe(false);
    expect(built.has('incidents/inc-outage/notice/index.html')).toBe(false);
    expect(emptyFolders(fifth.dir)).toEqual([]);
  }, 180_000);
});
