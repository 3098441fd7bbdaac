import { serve } from '@hono/node-server';
import autocannon from 'autocannon';
import { Hono } from 'hono';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../../tests/e2e/e2e-site';
import { createApp } from '../../api/app';
import { createAccountWithToken } from '../../api/staff/account-with-token';
import { loadConfig } from '../../api/config';
import { startServer, type RunningServer } from '../../api/server';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import { migrateDatabase, openDatabase, type DatabaseConnection } from '../../db/client';
import type { BenchRow } from './bench-row';
import { seedDemo } from '../demo/demo';
import { seedHistory } from './site-history-seed';
import { measurePathSpellings } from './static-spellings';

type SiteUnderTest = {
  siteDir: string;
  builder: SiteBuilder;
  server: RunningServer;
  connection: DatabaseConnection;
  openIncidentId: string;
  tokens: { drafter: string; publisher: string };
  close: () => Promise<void>;
};

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

type Seed = (db: DatabaseConnection['db']) => Promise<{ openIncidentId: string }>;

/** `count` past incidents (the bench's history). */
const historyOf = (count: number): Seed => (db) => seedHistory(db, count);
/** The demo `npm start` loads: 12 services with 90 days of history, the open outage. */
const demo: Seed = async (db) => ({ openIncidentId: (await seedDemo(db, { now: new Date() })).incidentId });

/** A real database file with the seeded data, its first (full) build, and the server on it. */
async function startSite(seed: Seed): Promise<SiteUnderTest> {
  const dir = mkdtempSync(join(tmpdir(), 'hali-bench-site-'));
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `file:${join(dir, 'hali.db')}`, SITE_DIR: join(dir, 'site'), WORKER: 'off' });
  const connection = await openDatabase(config.database);
  await migrateDatabase(connection.db);
  const { openIncidentId } = await seed(connection.db);
  const builder = createSiteBuilder(config, connection.db, { log: () => {} });
  const first = await builder.buildNow('bench: first build');
  if (!first.ok) throw new Error(first.error);
  const app = createApp({ config, db: connection.db, now: () => new Date(), siteBuilds: builder });
  const server = await startServer({ app, siteDir: config.site.dir, host: '127.0.0.1', port: 0 });
  const tokens = {
    drafter: (await createAccountWithToken(connection.db, { name: 'bench drafter', email: 'drafter@bench.invalid', role: 'drafter' }, new Date())).secret,
    publisher: (await createAccountWithToken(connection.db, { name: 'bench publisher', email: 'publisher@bench.invalid', role: 'publisher' }, new Date())).secret,
  };
  return {
    siteDir: config.site.dir,
    builder,
    server,
    connection,
    openIncidentId,
    tokens,
    close: async () => {
      await server.close();
      builder.close();
      connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function staffPost(site: SiteUnderTest, path: string, token: string, json: unknown): Promise<unknown> {
  const response = await fetch(`${site.server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(json),
  });
  if (!response.ok) throw new Error(`POST ${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

/**
 * Time from a publisher's POST /incidents/{id}/publish (the real endpoint: one transaction, then
 * the rebuild it schedules) until the home page served carries the new notice. The draft is
 * written beforehand, untimed.
 */
async function publishToLive(site: SiteUnderTest, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const text = `Bench notice ${run} ${Date.now()}`;
    const draft = (await staffPost(site, `/incidents/${site.openIncidentId}/updates`, site.tokens.drafter, { status: 'identified', body: text })) as { revision: string };
    const started = performance.now();
    await staffPost(site, `/incidents/${site.openIncidentId}/publish`, site.tokens.publisher, { revision: draft.revision });
    for (;;) {
      const html = await (await fetch(`${site.server.url}/`)).text();
      if (html.includes(text)) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    times.push(performance.now() - started);
    await site.builder.whenIdle();
  }
  return times;
}

/** Everything a first visit to `path` downloads, as Chromium measures it on the wire (gzip only). */
async function firstVisitBytes(url: string, path: string): Promise<{ bytes: number; requests: number; encoding: string }> {
  const browser = await launchChromium();
  try {
    const context = await browser.newContext({ extraHTTPHeaders: { 'Accept-Encoding': 'gzip' } });
    const page = await context.newPage();
    const finished: Promise<number>[] = [];
    page.on('requestfinished', (request) => finished.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
    const response = await page.goto(`${url}${path}`, { waitUntil: 'load' });
    const sizes = await Promise.all(finished);
    const encoding = (await response?.allHeaders())?.['content-encoding'] ?? 'none';
    return { bytes: sizes.reduce((a, b) => a + b, 0), requests: sizes.length, encoding };
  } finally {
    await browser.close();
  }
}

async function requestsPerSecond(url: string): Promise<number> {
  await autocannon({ url, connections: 20, duration: 1 });
  const result = await autocannon({ url, connections: 50, duration: 4 });
  return result.requests.average;
}

/** The same bytes from a bare Hono handler: the ceiling the static server is compared with. */
function startBareHono(body: Buffer): Promise<{ url: string; close: () => void }> {
  const app = new Hono();
  const bytes = new Uint8Array(body);
  app.get('/api/v2/summary.json', (c) => c.body(bytes, 200, { 'Content-Type': 'application/json; charset=utf-8' }));
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ url: `http://127.0.0.1:${info.port}`, close: () => server.close() }),
    );
  });
}

export async function run(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const demoSite = await startSite(demo);
  try {
    // The page weight with everything the home pages carry: the open outage, uptime bars of every
    // service, the subscribe form.
    for (const path of ['/', '/sw/']) {
      const visit = await firstVisitBytes(demoSite.server.url, path);
      rows.push({ name: `first visit to ${path}, demo (HTML+CSS+all, gzip, with headers)`, value: visit.bytes, unit: 'bytes', target: '≤ 14336', note: `${visit.requests} requests, HTML sent as ${visit.encoding}` });
    }
  } finally {
    await demoSite.close();
  }
  const small = await startSite(historyOf(1_000));
  try {
    for (const path of ['/', '/sw/']) {
      const visit = await firstVisitBytes(small.server.url, path);
      rows.push({ name: `first visit to ${path}, 1,000 incidents (HTML+CSS+all, gzip, with headers)`, value: visit.bytes, unit: 'bytes', target: '≤ 14336', note: `${visit.requests} requests, HTML sent as ${visit.encoding}` });
    }
    const times = await publishToLive(small, 7);
    rows.push({ key: 'publish_to_live_1k_ms', name: 'publish-to-live, 1,000 incidents in history', value: Math.round(median(times)), unit: 'ms (median of 7)', target: '≤ 3000' });

    const summary = readFileSync(join(small.builder.currentDir() as string, 'api/v2/summary.json'));
    const bare = await startBareHono(summary);
    try {
      // Interleaved rounds, so a burst of other load on the machine hits both sides alike.
      const ours: number[] = [];
      const ceiling: number[] = [];
      for (let round = 0; round < 3; round++) {
        ours.push(await requestsPerSecond(`${small.server.url}/api/v2/summary.json`));
        ceiling.push(await requestsPerSecond(`${bare.url}/api/v2/summary.json`));
      }
      const ratios = ours.map((value, i) => value / ceiling[i]);
      rows.push({ name: 'GET /api/v2/summary.json, site server', value: Math.round(median(ours)), unit: 'req/s (median of 3)', note: `${summary.length} bytes` });
      rows.push({ name: 'GET /api/v2/summary.json, bare Hono same bytes', value: Math.round(median(ceiling)), unit: 'req/s (median of 3)' });
      rows.push({ name: 'site server / bare Hono', value: Number(median(ratios).toFixed(2)), unit: 'ratio (median of 3)', target: '≥ 0.7' });
    } finally {
      bare.close();
    }
    rows.push(...(await measurePathSpellings(small.siteDir)));
  } finally {
    await small.close();
  }

  const large = await startSite(historyOf(10_000));
  try {
    const times = await publishToLive(large, 7);
    rows.push({ key: 'publish_to_live_10k_ms', name: 'publish-to-live, 10,000 incidents in history', value: Math.round(median(times)), unit: 'ms (median of 7)', target: '≤ 3000' });
    const small1k = rows.find((row) => row.key === 'publish_to_live_1k_ms')?.value;
    if (small1k) rows.push({ key: 'publish_to_live_10k_over_1k', name: 'publish-to-live, 10,000 / 1,000 incidents', value: Number((median(times) / small1k).toFixed(2)), unit: '×', target: '≤ 1.2' });
  } finally {
    await large.close();
  }
  return rows;
}
