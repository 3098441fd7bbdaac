import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PageManifest } from './plan-site-build';

// The fingerprints of the served build, kept on disk so that a restart can rebuild incrementally
// too. They are only trusted for the same templates: any change to the site's sources, the Astro
// config or version, the page name or the public URL makes the next build a full one.

const root = fileURLToPath(new URL('../../../', import.meta.url));

type StoredManifest = { template: string; dir: string; pages: [string, string][] };

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

/** The stored fingerprints, if they describe `currentDir` and were made with the same templates. */
export function loadPageManifest(path: string, template: string, currentDir: string | null): PageManifest | null {
  try {
    const stored = JSON.parse(readFileSync(path, 'utf8')) as StoredManifest;
    if (stored.template !== template || stored.dir !== currentDir) return null;
    return new Map(stored.pages);
  } catch {
    return null;
  }
}

/** Written beside, then renamed into place, so a crash mid-write leaves the old file or none. */
export async function savePageManifest(path: string, stored: { template: string; dir: string; manifest: PageManifest }): Promise<void> {
  const content: StoredManifest = { template: stored.template, dir: stored.dir, pages: [...stored.manifest] };
  await writeFile(`${path}.tmp`, JSON.stringify(content));
  await rename(`${path}.tmp`, path);
}
