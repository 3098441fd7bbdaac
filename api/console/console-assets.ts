import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * The console's stylesheet and script, read once at start and served under a content hash, so
 * browsers may keep them for a year and a new version is a new URL.
 */
function asset(file: string, type: string) {
  const body = readFileSync(new URL(`./assets/${file}`, import.meta.url), 'utf8');
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 10);
  const [base, extension] = file.split('.');
  return { path: `/console/assets/${base}.${hash}.${extension}`, body, type };
}

export const consoleAssets = {
  css: asset('console.css', 'text/css; charset=utf-8'),
  js: asset('console.js', 'text/javascript; charset=utf-8'),
} as const;
