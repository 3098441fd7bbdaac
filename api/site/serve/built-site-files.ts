import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';
import { isEmbeddablePage } from './security-headers';

/** One file of the served build, kept in memory with its compressed forms and response headers (made on first use). */
export type BuiltFile = {
  body: Buffer;
  contentType: string;
  cacheControl: string;
  etag: string;
  compressible: boolean;
  /** Other sites may frame it (the widget). */
  embeddable: boolean;
  gzip?: Buffer;
  br?: Buffer;
  responseHeaders: Partial<Record<'identity' | 'br' | 'gzip', Record<string, string>>>;
};

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

/** Compression on the request path stays cheap: a modest level, and only for files up to this size. */
const maxCompressedSize = 1024 * 1024;

/** True when `relative` names a regular file of the build. */
export function isBuiltFile(buildDir: string, relative: string): boolean {
  try {
    return statSync(join(buildDir, relative)).isFile();
  } catch {
    return false;
  }
}

/** Reads one file of a build (`relative` comes from a normalised path), or null when there is none. */
export function readBuiltFile(buildDir: string, relative: string): BuiltFile | null {
  if (!isBuiltFile(buildDir, relative)) return null;
  const body = readFileSync(join(buildDir, relative));
  const contentType = contentTypes[extname(relative)] ?? 'application/octet-stream';
  return {
    body,
    contentType,
    cacheControl: relative.startsWith('_astro/') ? immutableCache : shortCache,
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 20)}"`,
    compressible: body.length <= maxCompressedSize && /^(text\/|application\/(json|atom|rss|xml|manifest)|image\/svg)/.test(contentType),
    embeddable: isEmbeddablePage(relative),
    responseHeaders: {},
  };
}

/**
 * The file's body in `encoding`, made on first use. Brotli runs at quality 5: about as small as
 * gzip -9 and fast, where quality 11 would stall the event loop for tens of milliseconds per page.
 */
export function encodedBody(file: BuiltFile, encoding: 'br' | 'gzip'): Buffer {
  if (encoding === 'gzip') {
    file.gzip ??= gzipSync(file.body, { level: 6 });
    return file.gzip;
  }
  file.br ??= brotliCompressSync(file.body, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: file.body.length },
  });
  return file.br;
}
