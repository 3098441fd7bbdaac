import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import autocannon from 'autocannon';
import { afterAll, describe, expect, it } from 'vitest';
import { databaseCounts } from './database-counts';
import { hardeningScale, recordFigure, scaled } from './hardening-figures';
import { startHaliServer, type HaliProcess } from './hali-process';
import { startLatencyProbe, workAt, type WorkSpan } from './latency-probe';
import { seedOutageDatabase, writeAppointmentsCsv } from './outage-database';
import { draftOutage, staffApi } from './staff-api';

/**
 * The real server under steady load on the public page, the Statuspage JSON and a staff read,
 * while it does its heaviest work: a publish that moves every appointment and queues one (dry-run)
 * email each, the site build that follows, and a large CSV import.
 */
const seconds = scaled(60, 10);
const emails = scaled(100_000, 10_000);
const importRows = scaled(100_000, 10_000);
const dir = mkdtempSync(join(tmpdir(), 'hali-hardening-load-'));
const databaseFile = join(dir, 'hali.db');
let server: HaliProcess | null = null;

afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

const round = (value: number) => Math.round(value * 10) / 10;

describe('load', () => {
  it(`serves ${seconds} s of traffic without an error while ${emails.toLocaleString('en-US')} emails fan out, ${importRows.toLocaleString('en-US')} rows import and the site rebuilds`, async () => {
    const seeded = await seedOutageDatabase(`file:${databaseFile}`, { appointments: emails });
    const csvFile = join(dir, 'import.csv');
    await writeAppointmentsCsv(csvFile, importRows, 'LOD');
    const csv = readFileSync(csvFile, 'utf8');
    // Dry run (no provider keys): the worker renders and records every email as it would send it.
    const running = await startHaliServer({ DATABASE_URL: `file:${databaseFile}`, SITE_DIR: join(dir, 'site'), PUBLIC_URL: 'https://status.example.go.ke' });
    server = running;
    const api = staffApi(running.url, seeded.tokens.publisher);
    const outage = await draftOutage(api, seeded.tokens, {
      name: 'Passport systems down at every office',
      body: 'Passport applications and collections are unavailable at every office. We apologise; affected applicants get a new date by email.',
      from: seeded.window.from,
      restoration: seeded.window.restoration,
      components: { app: 'major_outage', col: 'major_outage' },
    });

    const publicLoad = autocannon({ url: running.url, connections: 8, duration: seconds, requests: [{ method: 'GET', path: '/' }, { method: 'GET', path: '/api/v2/summary.json' }] });
    const staffLoad = autocannon({ url: running.url, connections: 2, duration: seconds, requests: [{ method: 'GET', path: '/api/v1/incidents', headers: { authorization: `Bearer ${seeded.tokens.publisher}` } }] });
    const probe = startLatencyProbe(`${running.url}/api/v2/summary.json`);
    const started = performance.now();
    const spans: WorkSpan[] = [];
    const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
      const span = { name, from: performance.now(), to: Number.POSITIVE_INFINITY };
      spans.push(span);
      try {
        return await work();
      } finally {
        span.to = performance.now();
      }
    };

    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const published = await timed('publish', () => api('POST', `/incidents/${outage.id}/publish`, { json: outage.publishBody }));
    const buildSpan = { name: 'site build', from: performance.now(), to: Number.POSITIVE_INFINITY };
    spans.push(buildSpan);
    const fanOutSpan = { name: 'fan-out', from: performance.now(), to: Number.POSITIVE_INFINITY };
    spans.push(fanOutSpan);
    const db = databaseCounts(databaseFile);
    const watch = setInterval(() => {
      // A missed reading is only a later end time; the load figures come from autocannon.
      void api('GET', '/site/status')
        .then((status) => {
          if (status.body.building === false && buildSpan.to === Number.POSITIVE_INFINITY) buildSpan.to = performance.now();
        })
        .catch(() => undefined);
      void db
        .count("SELECT count(*) FROM deliveries WHERE channel = 'applicant_email' AND state = 'pending'")
        .then((left) => {
          if (left === 0 && fanOutSpan.to === Number.POSITIVE_INFINITY) fanOutSpan.to = performance.now();
        })
        .catch(() => undefined);
    }, 250);
    const imported = await timed('import', () => api('POST', '/appointments/import', { csv }));
    const [publicResult, staffResult] = await Promise.all([publicLoad, staffLoad]);
    clearInterval(watch);
    await probe.stop();
    const dryRun = await db.count("SELECT count(*) FROM deliveries WHERE channel = 'applicant_email' AND state = 'dry_run'");
    db.close();

    const moved = (published.body.rescheduled as { moved?: number } | undefined)?.moved ?? 0;
    const publishSpan = spans.find((span) => span.name === 'publish')!;
    const importSpan = spans.find((span) => span.name === 'import')!;
    const slowest = [...probe.samples].sort((a, b) => b.ms - a.ms).slice(0, 5);
    const errors = publicResult.errors + staffResult.errors + publicResult.timeouts + staffResult.timeouts;
    const non2xx = publicResult.non2xx + staffResult.non2xx;
    const publicP99 = publicResult.latency.p99;
    const stalledBy = slowest.length ? `${Math.round(slowest[0].ms)} ms at ${round((slowest[0].at - started) / 1000)} s during ${workAt(spans, slowest[0].at)}` : 'no probe';

    recordFigure({ section: 'load', figure: `requests in ${seconds} s (public / staff read)`, value: `${publicResult.requests.total.toLocaleString('en-US')} / ${staffResult.requests.total.toLocaleString('en-US')}`, ok: publicResult.requests.total > 0 && staffResult.requests.total > 0 });
    recordFigure({ section: 'load', figure: 'errors and timeouts', value: errors, target: '0', ok: errors === 0 });
    recordFigure({ section: 'load', figure: 'non-2xx answers', value: non2xx, target: '0', ok: non2xx === 0 });
    recordFigure({ section: 'load', figure: 'p99 latency, / and /api/v2/summary.json', value: publicP99, unit: 'ms', target: '< 50', ok: publicP99 < 50 });
    recordFigure({ section: 'load', figure: 'p99 latency, GET /api/v1/incidents (staff)', value: staffResult.latency.p99, unit: 'ms', ok: true });
    recordFigure({ section: 'load', figure: 'slowest public answer (probe) and the work running then', value: stalledBy, ok: true });
    recordFigure({ section: 'load', figure: `publish moving ${moved.toLocaleString('en-US')} appointments, under load`, value: Math.round(publishSpan.to - publishSpan.from), unit: 'ms', ok: published.status === 200 && moved === emails });
    recordFigure({ section: 'load', figure: `import of ${importRows.toLocaleString('en-US')} rows, under load`, value: Math.round(importSpan.to - importSpan.from), unit: 'ms', ok: imported.status === 200 });
    recordFigure({ section: 'load', figure: `dry-run emails recorded during the ${seconds} s`, value: dryRun, unit: `of ${emails.toLocaleString('en-US')}`, ok: dryRun > 0 });
    recordFigure({ section: 'load', figure: 'site build after the publish', value: buildSpan.to === Number.POSITIVE_INFINITY ? 'still building' : `${Math.round(buildSpan.to - buildSpan.from)} ms`, ok: true });
    console.log('slowest probes:', slowest.map((sample) => `${Math.round(sample.ms)} ms at ${round((sample.at - started) / 1000)} s (${workAt(spans, sample.at)})`).join('; '));

    expect(published.status).toBe(200);
    expect(moved).toBe(emails);
    expect(imported.status).toBe(200);
    expect(errors).toBe(0);
    expect(non2xx).toBe(0);
    // The p99 target is a figure of the full run on a quiet machine (the table prints MISSED when
    // it is not met); CI's short run on a shared runner records it without failing on it.
    if (hardeningScale === 'full') expect(publicP99).toBeLessThan(50);
  });
});
