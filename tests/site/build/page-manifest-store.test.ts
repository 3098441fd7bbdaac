import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPageManifestLog, loadPageManifest } from '../../../api/site/build/page-manifest-store';

let dir: string;
let path: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'hali-manifest-'));
  path = join(dir, 'page-manifest.jsonl');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const lines = () => readFileSync(path, 'utf8').trimEnd().split('\n');

// The served build's page fingerprints on disk: written whole once, then as what each build changed.
describe('the page manifest log', () => {
  it('writes a builder’s first build whole and each later one as its changes', async () => {
    const log = createPageManifestLog(path, 'templates');
    const manifest = new Map([
      ['incidents/a/index.html', 'a1'],
      ['incidents/b/index.html', 'b1'],
    ]);
    await log.save({ dir: '/builds/1', manifest, rendered: ['index.html', 'incidents/a/index.html', 'incidents/b/index.html'] }, { set: [], remove: [] });
    await log.save({ dir: '/builds/2', manifest, rendered: ['index.html', 'incidents/c/index.html'] }, { set: [['incidents/c/index.html', 'c1']], remove: ['incidents/b/index.html'] });
    expect(lines()).toHaveLength(2);
    expect(loadPageManifest(path, 'templates', '/builds/2')).toEqual({
      dir: '/builds/2',
      manifest: new Map([
        ['incidents/a/index.html', 'a1'],
        ['incidents/c/index.html', 'c1'],
      ]),
      rendered: ['index.html', 'incidents/c/index.html'],
    });
    // Not the served build, or other templates: not to be trusted.
    expect(loadPageManifest(path, 'templates', '/builds/1')).toBeNull();
    expect(loadPageManifest(path, 'other templates', '/builds/2')).toBeNull();
  });

  it('ends at a line a crash cut short', async () => {
    const log = createPageManifestLog(path, 'templates');
    await log.save({ dir: '/builds/1', manifest: new Map([['history/1/index.html', 'h1']]), rendered: [] }, null);
    appendFileSync(path, '{"dir":"/builds/2","set":[["history/1/index.html","h2"');
    expect(loadPageManifest(path, 'templates', '/builds/2')).toBeNull();
    expect(loadPageManifest(path, 'templates', '/builds/1')?.manifest).toEqual(new Map([['history/1/index.html', 'h1']]));
  });

  it('is written whole again once the changes outgrow it', async () => {
    const log = createPageManifestLog(path, 'templates');
    const manifest = new Map([['incidents/a/index.html', 'a0']]);
    await log.save({ dir: '/builds/0', manifest, rendered: [] }, null);
    for (let i = 1; i <= 2_000; i++) {
      manifest.set('incidents/a/index.html', `a${i}`);
      await log.save({ dir: `/builds/${i}`, manifest, rendered: [] }, { set: [['incidents/a/index.html', `a${i}`]], remove: [] });
    }
    expect(lines().length).toBeLessThan(2_000);
    expect(loadPageManifest(path, 'templates', '/builds/2000')?.manifest).toEqual(new Map([['incidents/a/index.html', 'a2000']]));
  });

  it('is unreadable when empty or not a log', () => {
    writeFileSync(path, '');
    expect(loadPageManifest(path, 'templates', '/builds/1')).toBeNull();
    writeFileSync(path, '{"template":"templates","dir":"/builds/1","pages":[["incidents/a/index.html","a1"]]}\n');
    expect(loadPageManifest(path, 'templates', '/builds/1')).toBeNull();
  });
});
