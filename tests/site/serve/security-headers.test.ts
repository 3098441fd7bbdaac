import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler, startServer } from '../../../api/server';
import { createHandMadeSite, createStandInApp, type HandMadeSite } from '../hand-made-site';

// Issue 7, item 8: pages without a content security policy or referrer policy, public data that
// browsers on other origins could not read, OPTIONS answered 404, no HSTS behind https.
const app = createStandInApp();
let site: HandMadeSite;

beforeAll(async () => {
  site = createHandMadeSite();
  await site.publish('b1', {
    'index.html': '<!doctype html><title>Status</title><link rel="stylesheet" href="/hali.css">',
    'history/index.html': '<!doctype html><title>History</title>',
    'api/v2/summary.json': '{"status":{"indicator":"none"}}',
    'history.atom': '<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"></feed>',
    'history.rss': '<?xml version="1.0"?><rss version="2.0"></rss>',
    'hali.css': 'body{margin:0}',
  });
});
afterAll(() => site.remove());

function call(path: string, init: RequestInit = {}, options: { publicUrl?: string } = {}): Promise<Response> {
  return Promise.resolve(createRequestHandler(app, site.dir, options)(new Request(`http://status.test${path}`, init)));
}

/** A policy as directive → sources, so a test names what it needs rather than one exact string. */
function policy(response: Response): Map<string, string[]> {
  const header = response.headers.get('content-security-policy') ?? '';
  return new Map(
    header
      .split(';')
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

describe('security headers on the static site', () => {
  it('gives pages a strict policy: own styles and images, no scripts at all, not framable', async () => {
    for (const path of ['/', '/history/']) {
      const response = await call(path);
      const csp = policy(response);
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('script-src'), path).toEqual(["'none'"]);
      expect(csp.get('style-src'), path).toEqual(["'self'"]);
      expect(csp.get('img-src'), path).toEqual(["'self'", 'data:']);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('base-uri'), path).toEqual(["'none'"]);
      expect(response.headers.get('content-security-policy'), path).not.toContain('unsafe');
      expect(response.headers.get('referrer-policy'), path).toBe('strict-origin-when-cross-origin');
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(response.headers.get('access-control-allow-origin'), path).toBeNull();
    }
  });

  it('lets browsers on any origin read the public JSON and feeds, also when answering 304', async () => {
    for (const path of ['/api/v2/summary.json', '/history.atom', '/history.rss']) {
      const response = await call(path);
      expect(response.headers.get('access-control-allow-origin'), path).toBe('*');
      expect(policy(response).get('default-src'), path).toEqual(["'none'"]);
      expect(policy(response).get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(response.headers.get('x-content-type-options'), path).toBe('nosniff');
      const again = await call(path, { headers: { 'If-None-Match': response.headers.get('etag') as string } });
      expect(again.status, path).toBe(304);
      expect(again.headers.get('access-control-allow-origin'), path).toBe('*');
    }
    expect((await call('/hali.css')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers a CORS preflight for public data with 204 and the methods it allows', async () => {
    const response = await call('/api/v2/summary.json', {
      method: 'OPTIONS',
      headers: { Origin: 'https://dashboard.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('*');
    expect(Number(response.headers.get('access-control-max-age'))).toBeGreaterThan(0);
    expect(await response.text()).toBe('');
  });

  it('answers OPTIONS on a page with what it allows, without opening it to other origins, and leaves unknown paths to the app', async () => {
    const page = await call('/', { method: 'OPTIONS' });
    expect(page.status).toBe(204);
    expect(page.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(page.headers.get('access-control-allow-origin')).toBeNull();
    expect((await call('/api/v2/nothing.json', { method: 'OPTIONS' })).status).toBe(404);
  });

  it('sends HSTS on every answer, static or from the app, when the public address is https', async () => {
    const https = { publicUrl: 'https://status.example.go.ke' };
    const answers = [
      await call('/', {}, https),
      await call('/history', {}, https),
      await call('/api/v2/summary.json', { method: 'OPTIONS' }, https),
      await call('/api/v1/ping', {}, https),
      await call('/no-such-page/', {}, https),
    ];
    expect(answers.map((r) => r.status)).toEqual([200, 308, 204, 200, 404]);
    for (const response of answers) {
      expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    }
    for (const response of [await call('/'), await call('/api/v1/ping')]) {
      expect(response.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('sends HSTS from the real server when started with an https public address', async () => {
    const server = await startServer({ app, siteDir: site.dir, host: '127.0.0.1', port: 0, publicUrl: 'https://status.example.go.ke' });
    try {
      for (const path of ['/', '/api/v1/ping']) {
        expect((await fetch(`${server.url}${path}`)).headers.get('strict-transport-security'), path).toBe('max-age=31536000; includeSubDomains');
      }
    } finally {
      await server.close();
    }
  });
});
