import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRequestHandler, startServer } from '../../../api/server';
import { switchCurrentBuild, siteFolders } from '../../../api/site/site-folders';

// A hand-made build folder is enough here: the server only reads files.
let siteDir: string;
const page = `<!doctype html><html lang="en"><head><title>Status</title></head><body>${'<p>All Systems Operational</p>'.repeat(40)}</body></html>`;

function writeBuild(name: string, files: Record<string, string>): string {
  const dir = join(siteDir, 'builds', name);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), content);
  }
  return dir;
}

const app = new Hono();
app.get('/api/v1/ping', (c) => c.json({ from: 'app' }));
app.get('/console', (c) => c.text('console'));
app.notFound((c) => c.json({ title: 'Not Found' }, 404));

beforeEach(async () => {
  siteDir = mkdtempSync(join(tmpdir(), 'hali-server-'));
  const dir = writeBuild('b1', {
    'index.html': page,
    'incidents/abc/index.html': '<!doctype html><title>Incident</title>',
    'api/v2/summary.json': JSON.stringify({ status: { indicator: 'none' }, filler: 'x'.repeat(500) }),
    'history.atom': '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
    'history.rss': '<?xml version="1.0"?><rss version="2.0"></rss>',
    'hali.css': 'body{margin:0}',
    '_astro/page.Ab12Cd.css': 'p{color:red}',
    'api/v1/ping': 'a built file that must never shadow the API',
  });
  await switchCurrentBuild(siteFolders(siteDir), dir);
});
afterEach(() => rmSync(siteDir, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) =>
  Promise.resolve(createRequestHandler(app, siteDir)(new Request(`http://status.test${path}`, { headers })));

describe('createRequestHandler', () => {
  it('serves pages, feeds and JSON with their content types', async () => {
    const cases: [string, string][] = [
      ['/', 'text/html; charset=utf-8'],
      ['/incidents/abc/', 'text/html; charset=utf-8'],
      ['/api/v2/summary.json', 'application/json; charset=utf-8'],
      ['/history.atom', 'application/atom+xml; charset=utf-8'],
      ['/history.rss', 'application/rss+xml; charset=utf-8'],
      ['/hali.css', 'text/css; charset=utf-8'],
    ];
    for (const [path, type] of cases) {
      const response = await get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-type'), path).toBe(type);
    }
    expect(await (await get('/')).text()).toBe(page);
  });

  it('compresses with brotli or gzip as the client accepts, and says it varies', async () => {
    const br = await get('/', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBody = Buffer.from(await br.arrayBuffer());
    expect(brBody.length).toBeLessThan(page.length / 3);
    expect(brotliDecompressSync(brBody).toString()).toBe(page);

    const gzip = await get('/', { 'Accept-Encoding': 'gzip' });
    expect(gzip.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gzip.arrayBuffer())).toString()).toBe(page);

    const plain = await get('/', { 'Accept-Encoding': 'identity' });
    expect(plain.headers.get('content-encoding')).toBeNull();
    const refused = await get('/', { 'Accept-Encoding': 'br;q=0, gzip' });
    expect(refused.headers.get('content-encoding')).toBe('gzip');
  });

  it('lets pages and data be cached briefly and hashed assets for good', async () => {
    for (const path of ['/', '/api/v2/summary.json', '/history.atom', '/hali.css']) {
      expect((await get(path)).headers.get('cache-control'), path).toBe('public, max-age=30, must-revalidate');
    }
    expect((await get('/_astro/page.Ab12Cd.css')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });

  it('answers 304 when the client has the same version', async () => {
    const first = await get('/api/v2/summary.json', { 'Accept-Encoding': 'gzip' });
    const etag = first.headers.get('etag') as string;
    const again = await get('/api/v2/summary.json', { 'Accept-Encoding': 'gzip', 'If-None-Match': etag });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('redirects a page path without its trailing slash and refuses paths out of the build', async () => {
    const redirect = await get('/incidents/abc?x=1');
    expect(redirect.status).toBe(308);
    expect(redirect.headers.get('location')).toBe('/incidents/abc/?x=1');
    expect((await get('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404);
    expect((await get('/..%2fcurrent/index.html')).status).toBe(404);
  });

  it('hands the staff API, the console and unknown paths to the app', async () => {
    expect(await (await get('/api/v1/ping')).json()).toEqual({ from: 'app' });
    expect(await (await get('/console')).text()).toBe('console');
    const missing = await get('/no-such-page/');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ title: 'Not Found' });
  });

  it('serves the new build as soon as current is switched to it', async () => {
    const handler = createRequestHandler(app, siteDir);
    const request = () => Promise.resolve(handler(new Request('http://status.test/'))).then((r) => r.text());
    expect(await request()).toBe(page);
    const next = writeBuild('b2', { 'index.html': '<!doctype html><title>Major Service Outage</title>' });
    await switchCurrentBuild(siteFolders(siteDir), next);
    expect(await request()).toContain('Major Service Outage');
  });

  it('falls through to the app before any site is built', async () => {
    rmSync(join(siteDir, 'current'));
    symlinkSync('builds/missing', join(siteDir, 'current'));
    expect((await get('/')).status).toBe(404);
  });

  it('reads the request headers Node gives it when running as the real server', async () => {
    const server = await startServer({ app, siteDir, host: '127.0.0.1', port: 0 });
    try {
      const first = await fetch(`${server.url}/api/v2/summary.json`, { headers: { 'Accept-Encoding': 'gzip' } });
      expect(first.headers.get('content-encoding')).toBe('gzip');
      expect((await first.json()).status).toEqual({ indicator: 'none' });
      const again = await fetch(`${server.url}/api/v2/summary.json`, {
        headers: { 'Accept-Encoding': 'gzip', 'If-None-Match': first.headers.get('etag') as string },
      });
      expect(again.status).toBe(304);
      expect(await (await fetch(`${server.url}/api/v1/ping`)).json()).toEqual({ from: 'app' });
    } finally {
      await server.close();
    }
  });
});
