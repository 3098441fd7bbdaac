import { readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { encodedBody, isBuiltFile, readBuiltFile, type BuiltFile } from './built-site-files';
import { builtFileOf, folderUrlOf, normaliseSitePath } from './request-path';
import { referrerPolicy, staticMethods, staticSecurityHeaders, strictTransportSecurity } from './security-headers';
import { siteFolders } from '../site-folders';
import { createStaticFileCache, type StaticCacheStats } from './static-file-cache';

/** Memory for files of the served build and their compressed forms, unless the caller says otherwise. */
export const defaultStaticCacheBytes = 64 * 1024 * 1024;

type Encoding = 'br' | 'gzip' | null;

function preferredEncoding(acceptEncoding: string | null): Encoding {
  if (!acceptEncoding) return null;
  const offered = acceptEncoding.split(',').map((part) => {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return { name, q: q ? Number(q.slice(2)) : 1 };
  });
  const accepts = (name: string) => offered.some((o) => (o.name === name || o.name === '*') && o.q > 0);
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

/** Reads a request header; the server passes Node's raw headers, which are cheaper than `request.headers`. */
export type HeaderLookup = (name: 'accept-encoding' | 'if-none-match') => string | null;

/** The path and query of an absolute request URL, without building a URL object on the hot path. */
function pathAndQuery(url: string): { path: string; query: string } {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return { path: '/', query: '' };
  const end = url.indexOf('?', start);
  return end < 0 ? { path: url.slice(start), query: '' } : { path: url.slice(start, end), query: url.slice(end) };
}

export type BuiltSiteResponder = {
  /** A response from the build `current` points to, or null to let the app answer. */
  respond: (request: Request, header?: HeaderLookup) => Response | null;
  stats: () => StaticCacheStats;
};

/**
 * Answers GET, HEAD and OPTIONS for files of the build `current` points to, or null to let the app
 * answer (always for paths under `appRoots`, and for paths that name no file). Paths are
 * normalised first, so every spelling of a file shares one cache entry and unknown paths leave
 * nothing behind; the cache is bounded in bytes and dropped when `current` moves to a new build.
 */
export function createBuiltSiteResponder(
  siteDir: string,
  options: { appRoots?: readonly string[]; https?: boolean; cacheBytes?: number } = {},
): BuiltSiteResponder {
  const folders = siteFolders(siteDir);
  const appRoots = options.appRoots ?? [];
  const https = options.https ?? false;
  const cache = createStaticFileCache(options.cacheBytes ?? defaultStaticCacheBytes);
  const securityHeadersByType = new Map<string, Record<string, string>>();
  let link: string | null = null;

  const isAppPath = (segments: string[]) => {
    const path = `/${segments.join('/')}`;
    return appRoots.some((root) => path === root || path.startsWith(`${root}/`));
  };

  function securityHeadersFor(file: BuiltFile): Record<string, string> {
    const kind = `${file.contentType}${file.embeddable ? ' embeddable' : ''}`;
    let headers = securityHeadersByType.get(kind);
    if (!headers) {
      headers = staticSecurityHeaders(file.contentType, https, file.embeddable);
      securityHeadersByType.set(kind, headers);
    }
    return headers;
  }

  /**
   * Headers as a plain object: the Node adapter writes those without building a Headers instance.
   * They are the same for every answer of one file in one encoding, so they are made once and kept
   * with the file (the adapter only reads them).
   */
  function headersFor(file: BuiltFile, encoding: Encoding, length: number): Record<string, string> {
    const known = file.responseHeaders[encoding ?? 'identity'];
    if (known) return known;
    const headers: Record<string, string> = {
      ...securityHeadersFor(file),
      'Content-Type': file.contentType,
      'Cache-Control': file.cacheControl,
      ETag: encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag,
      Vary: 'Accept-Encoding',
      'Content-Length': String(length),
    };
    if (encoding) headers['Content-Encoding'] = encoding;
    file.responseHeaders[encoding ?? 'identity'] = headers;
    return headers;
  }

  function fileResponse(key: string, file: BuiltFile, request: Request, header: HeaderLookup): Response {
    if (request.method === 'OPTIONS') {
      const security = securityHeadersFor(file);
      const headers: Record<string, string> = { ...security, Allow: staticMethods };
      if (security['Access-Control-Allow-Origin']) {
        Object.assign(headers, { 'Access-Control-Allow-Methods': staticMethods, 'Access-Control-Allow-Headers': '*', 'Access-Control-Max-Age': '86400' });
      }
      return new Response(null, { status: 204, headers });
    }
    const encoding = file.compressible ? preferredEncoding(header('accept-encoding')) : null;
    let body = file.body;
    if (encoding) {
      const known = file[encoding] !== undefined;
      body = encodedBody(file, encoding);
      // The new compressed form counts against the cache's budget.
      if (!known) cache.remember(key, file);
    }
    const headers = headersFor(file, encoding, body.length);
    if (header('if-none-match') === headers.ETag) {
      const { 'Content-Length': _length, ...notModified } = headers;
      return new Response(null, { status: 304, headers: notModified });
    }
    return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
  }

  function redirectResponse(location: string): Response {
    const headers: Record<string, string> = { Location: location, 'Referrer-Policy': referrerPolicy };
    if (https) headers['Strict-Transport-Security'] = strictTransportSecurity;
    return new Response(null, { status: 308, headers });
  }

  function respond(request: Request, header: HeaderLookup = (name) => request.headers.get(name)): Response | null {
    if (request.method !== 'GET' && request.method !== 'HEAD' && request.method !== 'OPTIONS') return null;
    const { path: rawPath, query } = pathAndQuery(request.url);
    const path = normaliseSitePath(rawPath);
    if (!path || isAppPath(path.segments)) return null;
    let target: string;
    try {
      // One readlink per request: the swap is a rename of `current`, so this is always a whole build.
      target = readlinkSync(folders.current);
    } catch {
      return null;
    }
    if (target !== link) {
      link = target;
      cache.clear();
    }
    const key = builtFileOf(path);
    let file = cache.get(key);
    if (!file) {
      const buildDir = resolve(folders.root, target);
      const found = readBuiltFile(buildDir, key);
      if (!found) {
        // The site is built with trailing slashes: `/x` for a page means `/x/`.
        const isPage = !path.directory && request.method !== 'OPTIONS' && isBuiltFile(buildDir, `${key}/index.html`);
        return isPage ? redirectResponse(`${folderUrlOf(path)}${query}`) : null;
      }
      cache.remember(key, found);
      file = found;
    }
    return fileResponse(key, file, request, header);
  }

  return { respond, stats: cache.stats };
}
