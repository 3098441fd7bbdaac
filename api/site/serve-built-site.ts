import { readlinkSync } from 'node:fs';
import { resolve } from 'node:path';
import { brotliOf, gzipOf, lookUpBuiltFile, type BuiltFile, type FileLookup } from './built-site-files';
import { siteFolders } from './site-folders';

/** At most this many paths are remembered per build (found or not), so odd URLs cannot fill memory. */
const maxRemembered = 20_000;

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

/** Headers as a plain object: the Node adapter writes those without building a Headers instance. */
function headersFor(file: BuiltFile, encoding: Encoding, length: number): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': file.contentType,
    'Cache-Control': file.cacheControl,
    ETag: encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
    'Content-Length': String(length),
  };
  if (encoding) headers['Content-Encoding'] = encoding;
  return headers;
}

/** Reads a request header; the server passes Node's raw headers, which are cheaper than `request.headers`. */
export type HeaderLookup = (name: 'accept-encoding' | 'if-none-match') => string | null;

function fileResponse(file: BuiltFile, request: Request, header: HeaderLookup): Response {
  const encoding = file.compressible ? preferredEncoding(header('accept-encoding')) : null;
  const body = encoding === 'br' ? brotliOf(file) : encoding === 'gzip' ? gzipOf(file) : file.body;
  const headers = headersFor(file, encoding, body.length);
  if (header('if-none-match') === headers.ETag) {
    delete headers['Content-Length'];
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === 'HEAD' ? null : (body as Uint8Array<ArrayBuffer>), { status: 200, headers });
}

/** The path part of an absolute request URL, without building a URL object on the hot path. */
function pathAndQuery(url: string): { path: string; query: string } {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  if (start < 0) return { path: '/', query: '' };
  const end = url.indexOf('?', start);
  return end < 0 ? { path: url.slice(start), query: '' } : { path: url.slice(start, end), query: url.slice(end) };
}

/**
 * Answers GET and HEAD requests from the build `current` points to, or null to let the app answer
 * (always for paths under `appRoots`).
 * Files are read once per build and kept in memory with their compressed forms; when `current`
 * moves to a new build, everything remembered about the old one is dropped.
 */
export function createBuiltSiteResponder(
  siteDir: string,
  options: { appRoots?: readonly string[] } = {},
): (request: Request, header?: HeaderLookup) => Response | null {
  const folders = siteFolders(siteDir);
  const appRoots = options.appRoots ?? [];
  const isAppPath = (path: string) => appRoots.some((root) => path === root || path.startsWith(`${root}/`));
  let link: string | null = null;
  let remembered = new Map<string, FileLookup>();
  return function respondFromBuiltSite(request, header = (name) => request.headers.get(name)) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const { path, query } = pathAndQuery(request.url);
    if (isAppPath(path)) return null;
    let target: string;
    try {
      // One readlink per request: the swap is a rename of `current`, so this is always a whole build.
      target = readlinkSync(folders.current);
    } catch {
      return null;
    }
    if (target !== link || remembered.size > maxRemembered) {
      link = target;
      remembered = new Map();
    }
    let lookup = remembered.get(path);
    if (lookup === undefined) {
      lookup = lookUpBuiltFile(resolve(folders.root, target), path);
      remembered.set(path, lookup);
    }
    if (!lookup) return null;
    if ('redirect' in lookup) return new Response(null, { status: 308, headers: { Location: `${lookup.redirect}${query}` } });
    return fileResponse(lookup.file, request, header);
  };
}
