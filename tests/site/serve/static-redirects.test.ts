import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestHandler, startServer, type RunningServer } from '../../../api/server';
import { createHandMadeSite, createStandInApp, type HandMadeSite } from '../hand-made-site';

// Issue 7, item 4: `GET //evil.example/..%2fhistory` answered `308 Location: //evil.example/..%2fhistory/`,
// which browsers follow to another site. Every redirect must stay on this origin.
const app = createStandInApp();
let site: HandMadeSite;
let server: RunningServer;

beforeAll(async () => {
  site = createHandMadeSite();
  await site.publish('b1', {
    'index.html': '<!doctype html><title>Status</title>',
    'history/index.html': '<!doctype html><title>History</title>',
    'incidents/abc/index.html': '<!doctype html><title>Incident</title>',
  });
  server = await startServer({ app, siteDir: site.dir, host: '127.0.0.1', port: 0 });
});
afterAll(async () => {
  await server.close();
  site.remove();
});

const probes = [
  '//evil.example/..%2fhistory',
  '//evil.example/..%2Fhistory',
  '//evil.example/../history',
  '//evil.example/%2e%2e/history',
  '/%2f%2fevil.example/history',
  '/%2F/evil.example/history',
  '/%5cevil.example/history',
  '/%5c%5cevil.example/..%2fhistory',
  '/\\evil.example/history',
  '/\\/evil.example/history',
  '///evil.example/history',
  '//evil.example',
  '/.//evil.example/../history',
  '//history',
  '///incidents/abc',
  '/history/..//evil.example',
];

/** A raw request target exactly as written, as a client on a socket can send it. */
function rawGet(path: string): Promise<{ status: number; location?: string }> {
  const { hostname, port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: hostname, port, path, method: 'GET' }, (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, location: res.headers.location });
    });
    req.on('error', reject);
    req.end();
  });
}

function expectSameOrigin(probe: string, location: string | null | undefined): void {
  if (location == null) return;
  expect(location, probe).toMatch(/^\/(?![/\\])/);
  expect(new URL(location, 'http://status.test').origin, probe).toBe('http://status.test');
  expect(location, probe).not.toContain('evil.example');
}

describe('redirects from the static responder', () => {
  it('never point off this origin, whatever the request path (through the handler)', async () => {
    const handler = createRequestHandler(app, site.dir);
    for (const probe of probes) {
      const response = await handler(new Request(`http://status.test${probe}`));
      expectSameOrigin(probe, response.headers.get('location'));
    }
  });

  it('never point off this origin on the real server, request targets sent raw', async () => {
    for (const probe of probes) {
      const { status, location } = await rawGet(probe);
      expect(status, probe).not.toBe(500);
      expectSameOrigin(probe, location);
    }
  });

  it('refuses the reported probe instead of redirecting', async () => {
    expect(await rawGet('//evil.example/..%2fhistory')).toMatchObject({ status: 404, location: undefined });
  });

  it('still adds the trailing slash to a page path, from its normalised spelling, keeping the query', async () => {
    expect(await rawGet('/history')).toEqual({ status: 308, location: '/history/' });
    expect(await rawGet('/incidents/abc?lang=sw')).toEqual({ status: 308, location: '/incidents/abc/?lang=sw' });
    expect(await rawGet('//history')).toEqual({ status: 308, location: '/history/' });
    expect(await rawGet('/%69ncidents//abc')).toEqual({ status: 308, location: '/incidents/abc/' });
  });
});
