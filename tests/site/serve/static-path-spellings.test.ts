import { randomBytes } from 'node:crypto';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRequestHandler } from '../../../api/server';
import { createHandMadeSite, createStandInApp, type HandMadeSite } from '../hand-made-site';

// Issue 7, item 3: every spelling of a URL used to get its own cache entry with its own
// compressed copies, so anonymous requests could grow the process without bound.
const app = createStandInApp();
const summary = JSON.stringify({ status: { indicator: 'none', description: 'All Systems Operational' }, filler: 'component '.repeat(300) });
const page = `<!doctype html><title>Status</title>${'<p>All Systems Operational</p>'.repeat(200)}`;
let site: HandMadeSite;

beforeEach(async () => {
  site = createHandMadeSite();
  await site.publish('b1', { 'index.html': page, 'api/v2/summary.json': summary, 'history/index.html': '<!doctype html><title>History</title>' });
});
afterEach(() => site.remove());

/** The n-th distinct spelling of `path`: letters percent-encoded by the bits of n, then doubled slashes, a dot segment, a query. */
function spellingOf(path: string, n: number): string {
  let bit = 0;
  const encoded = path.replace(/[a-z]/g, (char) => ((n >> bit++) & 1 ? `%${char.charCodeAt(0).toString(16)}` : char));
  const rest = n >> bit;
  const slashes = '/'.repeat(rest % 4);
  const dotSegment = (rest >> 2) % 2 ? '/.' : '';
  return `${dotSegment}${slashes}${encoded}${rest >> 3 ? `?v=${rest >> 3}` : ''}`;
}

function decoded(response: Response, body: Buffer): string {
  const encoding = response.headers.get('content-encoding');
  if (encoding === 'br') return brotliDecompressSync(body).toString();
  if (encoding === 'gzip') return gunzipSync(body).toString();
  return body.toString();
}

const encodings = ['br', 'gzip', 'identity'];

describe('the static responder under many spellings of the same paths', () => {
  it('keeps one cache entry per built file and answers every spelling with the same body', async () => {
    const handler = createRequestHandler(app, site.dir);
    const spellings = new Set<string>();
    for (let n = 0; spellings.size < 3000; n++) {
      spellings.add(spellingOf('/api/v2/summary.json', n));
      spellings.add(spellingOf('/index.html', n));
    }
    let i = 0;
    for (const path of spellings) {
      const response = await handler(new Request(`http://status.test${path}`, { headers: { 'Accept-Encoding': encodings[i++ % 3] } }));
      expect(response.status, path).toBe(200);
      const body = decoded(response, Buffer.from(await response.arrayBuffer()));
      expect(body, path).toBe(path.includes('json') || path.includes('%6a') ? summary : page);
    }
    // `/` is a third spelling of index.html, not a third file.
    expect((await handler(new Request('http://status.test/'))).status).toBe(200);
    const stats = handler.staticCacheStats();
    expect(stats.entries).toBe(2);
    // Each file once, with at most its two compressed forms beside it.
    expect(stats.bytes).toBeLessThan(2 * (summary.length + page.length) + 4096);
  });

  it('remembers nothing about paths that name no file', async () => {
    const handler = createRequestHandler(app, site.dir);
    for (let n = 0; n < 3000; n++) {
      const response = await handler(new Request(`http://status.test${spellingOf(`/api/v2/missing-${n}.json`, n)}`, { headers: { 'Accept-Encoding': 'br' } }));
      expect(response.status).toBe(404);
    }
    expect(handler.staticCacheStats()).toMatchObject({ entries: 0, bytes: 0 });
  });

  it('keeps the cache within its byte limit and still serves files it had to let go', async () => {
    // Random bytes do not compress: each file costs about three times its size once compressed forms are made.
    const files = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`incidents/i${i}/index.html`, randomBytes(4096).toString('hex')]));
    await site.publish('b2', files);
    const handler = createRequestHandler(app, site.dir, { staticCacheBytes: 64 * 1024 });
    for (const round of [1, 2]) {
      for (const [file, content] of Object.entries(files)) {
        const response = await handler(new Request(`http://status.test/${file.replace('index.html', '')}`, { headers: { 'Accept-Encoding': encodings[round] } }));
        expect(decoded(response, Buffer.from(await response.arrayBuffer()))).toBe(content);
        expect(handler.staticCacheStats().bytes).toBeLessThanOrEqual(64 * 1024);
      }
    }
    const stats = handler.staticCacheStats();
    expect(stats.entries).toBeGreaterThan(0);
    expect(stats.entries).toBeLessThan(40);
  });

  it('compresses on the request path at a modest level, not brotli 11', async () => {
    // Brotli at quality 11 takes about 60 ms per 58 KB page here (2.5 s for these 40); quality 5 under 2 ms.
    const pages = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`incidents/p${i}/index.html`, Array.from({ length: 2000 }, (_, k) => `<p>Update ${i}-${k}: ${randomBytes(6).toString('base64')}</p>`).join('')]),
    );
    await site.publish('b3', pages);
    const handler = createRequestHandler(app, site.dir);
    const started = performance.now();
    for (const file of Object.keys(pages)) {
      const response = await handler(new Request(`http://status.test/${file.replace('index.html', '')}`, { headers: { 'Accept-Encoding': 'br' } }));
      expect(response.headers.get('content-encoding')).toBe('br');
    }
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
