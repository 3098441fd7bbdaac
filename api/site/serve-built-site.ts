import { brotliOf, gzipOf, lookUpBuiltFile, type BuiltFile, type FileLookup } from './built-site-files';
import { readCurrentBuild, siteFolders } from './site-folders';

/** At most this many paths are remembered per build (found or not), so odd URLs cannot fill memory. */
const maxRemembered = 20_000;

function preferredEncoding(acceptEncoding: string | null): 'br' | 'gzip' | null {
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

function fileResponse(file: BuiltFile, request: Request): Response {
  const encoding = file.compressible ? preferredEncoding(request.headers.get('accept-encoding')) : null;
  const headers = new Headers({
    'Content-Type': file.contentType,
    'Cache-Control': file.cacheControl,
    ETag: encoding ? `${file.etag.slice(0, -1)}-${encoding}"` : file.etag,
    Vary: 'Accept-Encoding',
    'X-Content-Type-Options': 'nosniff',
  });
  if (request.headers.get('if-none-match') === headers.get('ETag')) return new Response(null, { status: 304, headers });
  const body = encoding === 'br' ? brotliOf(file) : encoding === 'gzip' ? gzipOf(file) : file.body;
  if (encoding) headers.set('Content-Encoding', encoding);
  headers.set('Content-Length', String(body.length));
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers });
}

/**
 * Answers GET and HEAD requests from the build `current` points to, or null to let the app answer.
 * Files are read once per build and kept in memory with their compressed forms; when `current`
 * moves to a new build, everything remembered about the old one is dropped.
 */
export function createBuiltSiteResponder(siteDir: string): (request: Request) => Response | null {
  const folders = siteFolders(siteDir);
  let servedBuild: string | null = null;
  let remembered = new Map<string, FileLookup>();
  return function respondFromBuiltSite(request) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return null;
    const build = readCurrentBuild(folders);
    if (!build) return null;
    if (build !== servedBuild || remembered.size > maxRemembered) {
      servedBuild = build;
      remembered = new Map();
    }
    const url = new URL(request.url);
    let lookup = remembered.get(url.pathname);
    if (lookup === undefined) {
      lookup = lookUpBuiltFile(build, url.pathname);
      remembered.set(url.pathname, lookup);
    }
    if (!lookup) return null;
    if ('redirect' in lookup) return new Response(null, { status: 308, headers: { Location: `${lookup.redirect}${url.search}` } });
    return fileResponse(lookup.file, request);
  };
}
