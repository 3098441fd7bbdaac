import { copyFileSync, existsSync, mkdtempSync, openSync, readFileSync, readlinkSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeResend, type FakeResend } from '../fakes/resend';
import { databaseCounts, type DatabaseCounts } from './database-counts';
import { recordFigure, scaled } from './hardening-figures';
import { spawnHali, startHaliServer, waitUntil, type HaliProcess } from './hali-process';
import { seedOutageDatabase, writeAppointmentsCsv, type OutageDatabase } from './outage-database';
import { mountSmallDisk } from './small-disk';
import { draftOutage, publishBodyFor, staffApi, type StaffApi } from './staff-api';
import { whenWalGrows } from './wal-watch';

/**
 * Crashes of the real server (`scripts/start.ts`, worker inside) in the middle of each kind of
 * work, one database throughout: after every restart the data must be whole (each change all or
 * nothing), and at the end every applicant the outage moved has exactly one email at the fake
 * Resend. Emails go out slowly (RESEND_RPS=1, 100 a second) so the fan-out is still under way
 * through every crash.
 */
const appointments = scaled(20_000, 5_000);
const importRows = scaled(50_000, 10_000);
const dir = mkdtempSync(join(tmpdir(), 'hali-hardening-faults-'));
const databaseFile = join(dir, 'hali.db');
const siteDir = join(dir, 'site');
const csvFile = join(dir, 'import.csv');

let resend: FakeResend;
let seeded: OutageDatabase;
let db: DatabaseCounts;
let server: (HaliProcess & { url: string }) | null = null;
let incidentId = '';
const live: HaliProcess[] = [];

function serverEnv(emailRequestsPerSecond: number): Record<string, string> {
  return {
    DATABASE_URL: `file:${databaseFile}`,
    SITE_DIR: siteDir,
    RESEND_API_KEY: 're_hardening',
    RESEND_BASE_URL: resend.url,
    RESEND_RPS: String(emailRequestsPerSecond),
    PUBLIC_URL: 'https://status.example.go.ke',
    CALENDAR_SIGNING_SECRET: 'calendar-secret-for-hardening',
  };
}

async function start(emailRequestsPerSecond = 1): Promise<HaliProcess & { url: string }> {
  server = await startHaliServer(serverEnv(emailRequestsPerSecond));
  live.push(server);
  return server;
}

const api = (): StaffApi => staffApi(server!.url, seeded.tokens.publisher);

/** One row per fault: how many of its checks failed, and what the crash hit. */
function recordFault(fault: string, violations: string[], note: string): void {
  recordFigure({ section: 'faults', figure: `${fault} (${note})`, value: violations.length, unit: 'violations', target: '0', ok: violations.length === 0 });
}

function check(violations: string[], holds: boolean, what: string): void {
  if (!holds) violations.push(what);
}

beforeAll(async () => {
  resend = await startFakeResend({ keepBodies: false });
  seeded = await seedOutageDatabase(`file:${databaseFile}`, { appointments });
  await writeAppointmentsCsv(csvFile, importRows, 'IMP');
  db = databaseCounts(databaseFile);
}, 120_000);

afterAll(async () => {
  await Promise.all(live.map((p) => p.kill()));
  db?.close();
  await resend?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('faults: SIGKILL and SIGTERM of the real server', () => {
  it('SIGKILL during a publish: the publish is whole or absent, and a person can tell which', async () => {
    await start();
    const outage = await draftOutage(api(), seeded.tokens, {
      name: 'Passport systems down at every office',
      body: 'Passport applications and collections are unavailable at every office. We apologise; affected applicants get a new date by email.',
      from: seeded.window.from,
      restoration: seeded.window.restoration,
      components: { app: 'major_outage', col: 'major_outage' },
    });
    incidentId = outage.id;
    await db.checkpoint();
    const publishing = api()('POST', `/incidents/${incidentId}/publish`, { json: outage.publishBody });
    const hit = await whenWalGrows(databaseFile, 512 * 1024, publishing);
    await server!.kill('SIGKILL');
    await publishing.catch(() => undefined);
    await start();

    const violations: string[] = [];
    const published = (await db.count('SELECT count(*) FROM incidents WHERE id = ? AND published_at IS NOT NULL', [incidentId])) === 1;
    const moves = await db.count('SELECT count(*) FROM appointment_moves WHERE incident_id = ?', [incidentId]);
    const emails = await db.count("SELECT count(*) FROM deliveries WHERE channel = 'applicant_email' AND incident_id = ?", [incidentId]);
    const posts = await db.count("SELECT count(*) FROM deliveries WHERE channel = 'x' AND incident_id = ?", [incidentId]);
    const stillInWindow = await db.count('SELECT count(*) FROM appointments WHERE appointment_date >= ? AND appointment_date < ?', [seeded.window.from, seeded.window.restoration]);
    if (published) {
      check(violations, moves === appointments && emails === appointments && posts === 1 && stillInWindow === 0, `published, but ${moves} moves, ${emails} emails, ${posts} X posts, ${stillInWindow} still in the window`);
      const again = await api()('POST', `/incidents/${incidentId}/publish`, { json: {} });
      check(violations, again.status === 409 && /no draft or approved update to publish/.test(String(again.body.detail)), `publishing again answered ${again.status}: ${String(again.body.detail)}`);
    } else {
      check(violations, moves === 0 && emails === 0 && posts === 0 && stillInWindow === appointments, `not published, but ${moves} moves, ${emails} emails, ${posts} X posts written`);
      const detail = await api()('GET', `/incidents/${incidentId}`);
      check(violations, detail.body.pending_update_id !== null && detail.body.published_at === null, 'the update is no longer waiting to be published');
      const retried = await api()('POST', `/incidents/${incidentId}/publish`, { json: await publishBodyFor(api(), seeded.tokens.publisher, incidentId) });
      const moved = (retried.body.rescheduled as { moved?: number } | undefined)?.moved;
      check(violations, retried.status === 200 && moved === appointments, `publishing again answered ${retried.status}, moved ${moved}`);
    }
    recordFault('SIGKILL during a publish', violations, hit === 'writing' ? (published ? 'killed while writing; committed' : 'killed mid-transaction; rolled back') : 'killed after the answer');
    expect(violations).toEqual([]);
  });

  it('SIGKILL during a site build: the old site stays served whole, and the restart builds the new one', async () => {
    const body = `Monitoring: systems are back at ${new Date().toISOString()}; new dates stand.`;
    const drafted = await api()('POST', `/incidents/${incidentId}/updates`, { token: seeded.tokens.drafter, json: { status: 'monitoring', body, expected_restoration: seeded.window.restoration } });
    expect(drafted.status).toBe(201);
    const published = await api()('POST', `/incidents/${incidentId}/publish`, { json: await publishBodyFor(api(), seeded.tokens.publisher, incidentId) });
    expect(published.status).toBe(200);
    let building = false;
    await waitUntil('the site build to start', async () => (building = (await api()('GET', '/site/status')).body.building === true), 30_000, [server!]);
    await server!.kill('SIGKILL');
    const servedAfterCrash = readlinkSync(join(siteDir, 'current'));

    const violations: string[] = [];
    const requiredFiles = ['index.html', 'sw/index.html', 'history/index.html', 'history.atom', 'api/v2/summary.json'];
    const servedDir = resolve(siteDir, servedAfterCrash);
    check(violations, requiredFiles.every((file) => existsSync(join(servedDir, file))), `the served build ${servedAfterCrash} is missing files after the crash`);
    await start();
    const home = await (await fetch(`${server!.url}/`)).text();
    check(violations, home.includes(body.slice(0, 40)), 'the restarted server does not serve the published update');
    const summary = (await (await fetch(`${server!.url}/api/v2/summary.json`)).json()) as { incidents: { id: string }[] };
    check(violations, summary.incidents.some((incident) => incident.id === incidentId), 'summary.json lacks the incident');
    const status = await api()('GET', '/site/status');
    check(violations, status.body.healthy === true, `site status after restart: ${JSON.stringify(status.body)}`);
    recordFault('SIGKILL during a site build', violations, building ? 'killed while building' : 'build not seen');
    expect(violations).toEqual([]);
  });

  it('SIGKILL during an import: all rows or none, and importing again says what it did', async () => {
    const csv = readFileSync(csvFile, 'utf8');
    await db.checkpoint();
    const importing = api()('POST', '/appointments/import', { csv });
    const hit = await whenWalGrows(databaseFile, 512 * 1024, importing);
    await server!.kill('SIGKILL');
    await importing.catch(() => undefined);
    await start();

    const violations: string[] = [];
    const imported = await db.count("SELECT count(*) FROM appointments WHERE reference LIKE 'IMP%'");
    check(violations, imported === 0 || imported === importRows, `${imported} of ${importRows} rows are in the database`);
    const again = await api()('POST', '/appointments/import', { csv });
    const { inserted, updated } = again.body as { inserted?: number; updated?: number };
    check(violations, again.status === 200 && inserted === importRows - imported && updated === imported, `importing again answered ${again.status}: inserted ${inserted}, updated ${updated}`);
    check(violations, (await db.count("SELECT count(*) FROM appointments WHERE reference LIKE 'IMP%'")) === importRows, 'the second import is not whole');
    recordFault('SIGKILL during an import', violations, hit === 'writing' ? (imported === 0 ? 'killed mid-transaction; rolled back' : 'killed while writing; committed') : 'killed after the answer');
    expect(violations).toEqual([]);
  });

  it('SIGKILL during a fan-out: the batch in flight is sent once, by key, after the restart', async () => {
    const before = resend.emails.length;
    await waitUntil('emails going out', () => resend.emails.length >= before + 200, 60_000, [server!]);
    const left = await db.count("SELECT count(*) FROM deliveries WHERE channel = 'applicant_email' AND state IN ('pending', 'sending')");
    await server!.kill('SIGKILL');
    const leased = await db.count("SELECT count(*) FROM deliveries WHERE channel = 'applicant_email' AND state = 'sending'");
    await start();
    const violations: string[] = [];
    check(violations, left > 0, 'the fan-out had already finished');
    await waitUntil('emails going out again', () => resend.emails.length >= before + 400, 90_000, [server!]);
    recordFault('SIGKILL during a fan-out', violations, `${left.toLocaleString('en-US')} emails still to send, ${leased} leased at the kill`);
    expect(violations).toEqual([]);
  });

  it('SIGTERM with a publish, a site build, an import and a fan-out in flight: stops cleanly, nothing half-done', async () => {
    const drafted = await api()('POST', `/incidents/${incidentId}/updates`, {
      token: seeded.tokens.drafter,
      json: { status: 'monitoring', body: 'Still monitoring; offices are serving everyone with a new date.', expected_restoration: seeded.window.restoration },
    });
    expect(drafted.status).toBe(201);
    const published = await api()('POST', `/incidents/${incidentId}/publish`, { json: await publishBodyFor(api(), seeded.tokens.publisher, incidentId) });
    expect(published.status).toBe(200);
    const csv = readFileSync(csvFile, 'utf8').replaceAll('IMP', 'TRM');
    await db.checkpoint();
    const importing = api()('POST', '/appointments/import', { csv });
    const hit = await whenWalGrows(databaseFile, 256 * 1024, importing);
    const building = (await api()('GET', '/site/status')).body.building === true;
    const stopping = server!;
    process.kill(-stopping.child.pid!, 'SIGTERM');
    const code = await Promise.race([stopping.exited, new Promise<'hung'>((done) => setTimeout(() => done('hung'), 60_000))]);
    const answer = await importing.then((response) => `${response.status} ${String(response.body.detail ?? '')}`).catch((error: Error) => `no answer (${error.message})`);

    const violations: string[] = [];
    check(violations, code === 0, `exit ${code}`);
    check(violations, /SIGTERM: stopping/.test(stopping.text()), 'it did not say it was stopping');
    // Only this server's own leases count: rows a SIGKILLed server leased wait for their lease to run out.
    const leased = await db.count("SELECT count(*) FROM deliveries WHERE state = 'sending' AND lease_owner LIKE ?", [`%:${stopping.child.pid}:%`]);
    check(violations, leased === 0, `${leased} deliveries left leased ('sending') by a clean stop`);
    const imported = await db.count("SELECT count(*) FROM appointments WHERE reference LIKE 'TRM%'");
    check(violations, imported === 0 || imported === importRows, `${imported} of ${importRows} rows of the interrupted import are in the database`);
    await stopping.kill();
    recordFault('SIGTERM with work in flight', violations, `${hit === 'writing' ? 'import mid-transaction' : 'import answered first'}${building ? ', site building' : ''}; import client saw: ${answer.slice(0, 60)}`);
    expect(violations).toEqual([]);
  });

  it('after all the crashes: every moved applicant has exactly one email, none lost', async () => {
    await start(100);
    await waitUntil(
      'the outbox to drain',
      async () => (await db.count("SELECT count(*) FROM deliveries WHERE channel = 'applicant_email' AND state IN ('pending', 'sending')")) === 0,
      180_000,
      [server!],
    );
    const counts = resend.countByRecipient();
    const duplicates = [...counts.values()].reduce((sum, n) => sum + Math.max(0, n - 1), 0);
    const moved = await db.count('SELECT count(DISTINCT reference) FROM appointment_moves WHERE incident_id = ?', [incidentId]);
    const missing = moved - counts.size;
    const notSent = await db.count("SELECT count(*) FROM deliveries WHERE channel = 'applicant_email' AND state <> 'sent'");
    recordFigure({ section: 'faults', figure: `after every crash: applicants emailed twice (of ${moved.toLocaleString('en-US')})`, value: duplicates, unit: 'emails', target: '0', ok: duplicates === 0 });
    recordFigure({ section: 'faults', figure: 'after every crash: applicants never emailed', value: missing + notSent, unit: 'emails', target: '0', ok: missing + notSent === 0 });
    expect(moved).toBe(appointments);
    expect(duplicates).toBe(0);
    expect(missing + notSent).toBe(0);
  });
});

/** Fills the filesystem holding `file` until the kernel says no space is left. */
function fillDisk(file: string): number {
  const chunk = Buffer.alloc(64 * 1024, 1);
  const descriptor = openSync(file, 'w');
  let written = 0;
  try {
    for (;;) written += writeSync(descriptor, chunk);
  } catch {
    return written;
  } finally {
    closeSync(descriptor);
  }
}

describe('faults: the database cannot be written', () => {
  it('a read-only database: the server does not start on it, and says why in one line', async () => {
    const disk = mountSmallDisk(join(dir, 'read-only'), 32);
    if (!disk) {
      recordFigure({ section: 'faults', figure: 'read-only database (not run: mounting a filesystem is refused here, needs root)', value: 'not run', ok: true });
      return;
    }
    const violations: string[] = [];
    let output = '';
    try {
      const file = join(disk.dir, 'hali.db');
      // Seeded elsewhere and copied in: the seeding connection's file may stay open a while after close.
      const seededFile = join(dir, 'read-only-seed.db');
      await seedOutageDatabase(`file:${seededFile}`, { appointments: 100 });
      copyFileSync(seededFile, file);
      // Linux refuses to remount a filesystem read-only while a process has a file open for writing,
      // so the disk goes read-only between runs (as after errors=remount-ro and a restart).
      disk.remount('ro');
      const attempt = spawnHali('scripts/start.ts', [], { ...serverEnv(10), DATABASE_URL: `file:${file}`, SITE_DIR: join(dir, 'read-only-site'), PORT: '0' });
      live.push(attempt);
      const code = await Promise.race([attempt.exited, new Promise<'running'>((done) => setTimeout(() => done('running'), 60_000))]);
      output = attempt.text();
      check(violations, code !== 'running' && code !== 0, `start on a read-only database: ${code === 'running' ? 'still running' : `exit ${code}`}`);
      check(violations, /read-only/i.test(output), 'the output does not say the database is read-only');
      check(violations, !/^\s+at /m.test(output), `a stack trace instead of a sentence: ${output.split('\n').slice(0, 3).join(' | ')}`);
    } finally {
      disk.unmount();
    }
    recordFault('read-only database', violations, 'tmpfs remounted read-only, then npm start');
    expect(violations).toEqual([]);
  });

  it('a full disk: an import fails whole with a message that says the disk is full, and works once there is room', async () => {
    const rows = scaled(20_000, 5_000);
    const diskDir = join(dir, 'full-disk');
    const disk = mountSmallDisk(diskDir, 24);
    const file = join(diskDir, 'hali.db');
    const data = await seedOutageDatabase(`file:${file}`, { appointments: 100 });
    // No tmpfs: RLIMIT_FSIZE caps every file the server writes a little above the database's size.
    const limitKb = disk ? undefined : Math.ceil(statSync(file).size / 1024) + 1024;
    const method = disk ? 'tmpfs of 24 MB filled to the last byte' : `RLIMIT_FSIZE ${limitKb} KiB (ulimit -f; no tmpfs mount here)`;
    const violations: string[] = [];
    let fullServer: HaliProcess | null = null;
    const filler = join(diskDir, 'filler');
    try {
      const running = await startHaliServer({ ...serverEnv(10), DATABASE_URL: `file:${file}`, SITE_DIR: join(dir, 'full-disk-site') }, { fileSizeLimitKb: limitKb });
      fullServer = running;
      live.push(running);
      const staff = staffApi(running.url, data.tokens.publisher);
      if (disk) fillDisk(filler);
      const csvPath = join(dir, 'full-disk.csv');
      await writeAppointmentsCsv(csvPath, rows, 'FUL');
      const csv = readFileSync(csvPath, 'utf8');
      const refused = await staff('POST', '/appointments/import', { csv }).catch((error: Error) => ({ status: 0, body: { detail: `no answer (${error.message}); server said: ${running.text().slice(-500)}` } }));
      check(violations, refused.status === 507 && /disk .*full/i.test(String(refused.body.detail)) && /nothing was saved/i.test(String(refused.body.detail)), `the import answered ${refused.status}: ${String(refused.body.detail)}`);
      // A fresh connection: the server may close the one whose upload it refused.
      const home = await fetch(`${running.url}/`).catch(() => fetch(`${running.url}/`));
      check(violations, home.status === 200, `the public page answered ${home.status}`);
      const counts = databaseCounts(file);
      try {
        const imported = await counts.count("SELECT count(*) FROM appointments WHERE reference LIKE 'FUL%'");
        check(violations, imported === 0, `${imported} rows of the refused import are in the database`);
      } finally {
        counts.close();
      }
      if (disk) {
        rmSync(filler, { force: true });
        const accepted = await staff('POST', '/appointments/import', { csv });
        check(violations, accepted.status === 200 && accepted.body.inserted === rows, `with room again, the import answered ${accepted.status}: ${JSON.stringify(accepted.body).slice(0, 200)}`);
      }
    } finally {
      await fullServer?.kill();
      disk?.unmount();
    }
    recordFault('full disk', violations, method);
    expect(violations).toEqual([]);
  });
});
