import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

/** One file of the served build, kept in memory with its compressed forms (made on first use). */
export type BuiltFile = {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  etag: string;
  compressible: boolean;
  gzip?: Buffer;
  br?: Buffer;
};

export type FileLookup = { file: BuiltFile } | { redirect: string } | null;

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.atom': 'application/atom+xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
};

// Pages and data change with every publish: caches may keep them briefly but must ask again.
// Astro's fingerprinted assets never change under the same name.
const shortCache = 'public, max-age=30, must-revalidate';
const immutableCache = 'public, max-age=31536000, immutable';

/** Reads one file of a build, or null when the request path does not name a file in it. */
function readBuiltFile(buildDir: string, relative: string): BuiltFile | null {
  const path = join(buildDir, relative);
  try {
    if (!statSync(path).isFile()) return null;
  } catch {
    return null;
  }
  const body = readFileSync(path);
  const contentType = contentTypes[extname(path)] ?? 'application/octet-stream';
  return {
    body,
    contentType,
    cacheControl: relative.startsWith('_astro/') ? immutableCache : shortCache,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
    compressible: /^(text\/|application\/(json|atom|rss|xml|manifest)|image\/svg)/.test(contentType),
  };
}

/**
 * Maps a URL path onto a build folder: `/x/` serves `x/index.html`, `/x` redirects to `/x/` when
 * that is a page (the site is built with trailing slashes), anything escaping the folder is refused.
 */
export function lookUpBuiltFile(buildDir: string, urlPath: string, read = readBuiltFile): FileLookup {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded).replace(/^\/+/, '');
  if (relative.startsWith('..')) return null;
  if (decoded.endsWith('/')) {
    const file = read(buildDir, `${relative}index.html`.replace(/^\.\//, ''));
    return file ? { file } : null;
  }
  const file = read(buildDir, relative);
  if (file) return { file };
  return read(buildDir, `${relative}/index.html`) ? { redirect: `${urlPath}/` } : null;
}

export function gzipOf(file: BuiltFile): Buffer {
  file.gzip ??= gzipSync(file.body, { level: 9 });
  return file.gzip;
}

export function brotliOf(file: BuiltFile): Buffer {
  file.br ??= brotliCompressSync(file.body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: file.body.length < 65536 ? 11 : 6, [zlib.BROTLI_PARAM_SIZE_HINT]: file.body.length },
  });
  return file.br;
}
