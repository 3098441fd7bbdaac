import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageManifest } from './plan-site-build';

// The fingerprints of the served build, kept on disk so that a restart can rebuild incrementally
// too. They are only trusted for the same templates: any change to the site's sources, the Astro
// config or version, the page name or the public URL makes the next build a full one.
//
// The file is a log of JSON lines: the whole manifest of one build, then what each later build
// changed (written after its swap, so a publish writes what it changed, not every page of the
// history). It is written whole again once the changes outgrow it, and by each builder's first
// build. A line cut short by a crash ends the log there; if the last whole line is not the served
// build, the log is not used.

const root = fileURLToPath(new URL('../../../', import.meta.url));

/** One build as the log knows it: its tracked pages and every file Astro rendered for it. */
export type StoredBuild = { dir: string; manifest: PageManifest; rendered: readonly string[] };

type WholeRecord = { template: string; dir: string; pages: [string, string][]; rendered: string[] };
type ChangeRecord = { dir: string; set: [string, string][]; remove: string[]; rendered: string[] };
/** What a build changed in the manifest of the one before it. */
export type ManifestChange = { set: [string, string][]; remove: readonly string[] };

/**
 * A hash of everything besides the data that decides what a page looks like: the site's sources
 * and the text rules they apply (api/text), the Astro config and version, and the page name and
 * public URL every page carries.
 */
export function templateFingerprint(identity: { name: string; publicUrl: string }): string {
  const hash = createHash('sha1');
  hash.update(JSON.stringify(identity));
  for (const dir of ['site', 'api/text']) {
    const sourceDir = join(root, dir);
    const files = readdirSync(sourceDir, { recursive: true, encoding: 'utf8' })
      .filter((path) => statSync(join(sourceDir, path)).isFile())
      .sort();
    for (const file of files) hash.update(join(dir, file)).update(readFileSync(join(sourceDir, file)));
  }
  hash.update(readFileSync(join(root, 'astro.config.mjs')));
  const astroPackage = createRequire(import.meta.url)('astro/package.json') as { version: string };
  hash.update(astroPackage.version);
  return hash.digest('base64url');
}

/** One line of the log, or null when it is not one (cut short by a crash, or of another format). */
function parseRecord<T extends { dir: string }>(line: string, lists: readonly (keyof T)[]): T | null {
  try {
    const record = JSON.parse(line) as T;
    return typeof record.dir === 'string' && lists.every((key) => Array.isArray(record[key])) ? record : null;
  } catch {
    return null;
  }
}

/** The stored build, if the log describes `currentDir` and was made with the same templates. */
export function loadPageManifest(path: string, template: string, currentDir: string | null): StoredBuild | null {
  let lines: string[];
  try {
    lines = readFileSync(path, 'utf8').split('\n');
  } catch {
    return null;
  }
  const whole = parseRecord<WholeRecord>(lines[0], ['pages', 'rendered']);
  if (!whole || whole.template !== template) return null;
  const build = { dir: whole.dir, manifest: new Map(whole.pages), rendered: whole.rendered };
  for (const line of lines.slice(1)) {
    const change = parseRecord<ChangeRecord>(line, ['set', 'remove', 'rendered']);
    if (!change) break;
    for (const [file, hash] of change.set) build.manifest.set(file, hash);
    for (const file of change.remove) build.manifest.delete(file);
    build.dir = change.dir;
    build.rendered = change.rendered;
  }
  return build.dir === currentDir ? build : null;
}

export type PageManifestLog = {
  /** Records a build just swapped in: what it changed, or (`change` null, or when due) the whole of it. */
  save: (build: StoredBuild, change: ManifestChange | null) => Promise<void>;
};

export function createPageManifestLog(path: string, template: string): PageManifestLog {
  // Nothing written yet by this builder: its first save writes the whole log, so lines of an
  // earlier process (perhaps cut short) never sit before ours.
  let wholeBytes = -1;
  let changeBytes = 0;
  return {
    async save(build, change) {
      if (change && wholeBytes >= 0 && changeBytes <= Math.max(wholeBytes, 64 * 1024)) {
        const record: ChangeRecord = { dir: build.dir, set: change.set, remove: [...change.remove], rendered: [...build.rendered] };
        const line = `${JSON.stringify(record)}\n`;
        try {
          await appendFile(path, line);
        } catch (error) {
          // A change missing from the log would make a later line lie: the next save writes it whole.
          wholeBytes = -1;
          throw error;
        }
        changeBytes += line.length;
        return;
      }
      const record: WholeRecord = { template, dir: build.dir, pages: [...build.manifest], rendered: [...build.rendered] };
      const text = `${JSON.stringify(record)}\n`;
      // Written beside, then renamed into place, so a crash mid-write leaves the old file or none.
      await writeFile(`${path}.tmp`, text);
      await rename(`${path}.tmp`, path);
      wholeBytes = text.length;
      changeBytes = 0;
    },
  };
}
