import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { createApp } from '../../api/app';
import { createApplicantVisitRecorder } from '../../api/applicants/record-applicant-action';
import { chooseAnotherDate } from '../../api/applicants/choose-another-date';
import { writeMoves } from '../../api/appointments/write-moves';
import { loadConfig } from '../../api/config';
import { startServer } from '../../api/server';
import { migrateDatabase, openDatabase, type Database } from '../../db/client';
import { appointments } from '../../db/schema/index';
import { startFakeResend } from '../../tests/fakes/resend';
import type { BenchRow } from './bench-row';
import { compileWorker } from '../start/compile-worker';

/**
 * Applicants' self-service under load. (1) The lookup (POST /appointment/lookup, right pairs for
 * random applicants among 100,000, so every answer reads a summary and most note a first visit)
 * with autocannon in a process of its own, on the real server: alone, then while a worker process
 * (as `npm start` runs it) sends the incident's 100,000 emails to the fake Resend at 10 requests/s;
 * each three times for 10 s, medians reported.
 * (2) What the choice transaction adds to a re-booking: chooseAnotherDate (re-reads capacity, open
 * disruptions, the applicant's changes; audits; records the action) against writeMoves alone in a
 * transaction (the bare re-booking with its email), each for 300 appointments, medians compared.
 */
const root = fileURLToPath(new URL('../..', import.meta.url));
const applicantCount = 100_000;
const lookupRuns = 3;
const incidentId = 'benchincident';
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const reference = (n: number) => `B${String(n).padStart(7, '0')}`;

async function seed(db: Database): Promise<void> {
  await db.run(sql`INSERT INTO offices (code, name, address, application_capacity, collection_capacity)
    VALUES ('NYH', 'Nyayo House', 'Kenyatta Avenue, Nairobi', '[5000,5000,5000,5000,5000,0,0]', '[5000,5000,5000,5000,5000,0,0]')`);
  await db.run(sql`INSERT INTO incidents (id, name, status, impact) VALUES (${incidentId}, 'Passport services unavailable at all offices', 'identified', 'critical')`);
  const now = new Date().toISOString();
  for (let start = 0; start < applicantCount; start += 5_000) {
    const chunk = JSON.stringify(Array.from({ length: Math.min(5_000, applicantCount - start) }, (_, i) => start + i + 1));
    await db.transaction(async (tx) => {
      await tx.run(sql`INSERT INTO appointments (reference, full_name, email, language, service, office_code, appointment_date, status)
        SELECT 'B' || printf('%07d', j.value), 'Applicant ' || j.value, 'applicant' || j.value || '@example.com', CASE j.value % 2 WHEN 0 THEN 'en' ELSE 'sw' END,
          'application', 'NYH', '2027-01-0' || (1 + j.value % 5), 'rescheduled' FROM json_each(${chunk}) AS j`);
      await tx.run(sql`INSERT INTO appointment_moves (id, reference, from_date, to_date, incident_id, reason)
        SELECT j.value, 'B' || printf('%07d', j.value), '2026-12-01', '2027-01-0' || (1 + j.value % 5), ${incidentId}, 'outage' FROM json_each(${chunk}) AS j`);
      await tx.run(sql`INSERT INTO deliveries (id, channel, incident_id, move_id, recipient, state, idempotency_key, next_attempt_at, created_at, updated_at)
        SELECT 'd' || j.value, 'applicant_email', ${incidentId}, j.value, 'B' || printf('%07d', j.value), 'pending', 'applicant_email:move:' || j.value, ${now}, ${now}, ${now}
        FROM json_each(${chunk}) AS j`);
    });
  }
}

type LookupLoad = { requestsPerSecond: number; p99: number; non2xx: number; errors: number };

/** autocannon in a process of its own (scripts/bench/lookup-load.ts), so the load does not share the server's event loop. */
async function runLookupLoad(url: string): Promise<LookupLoad> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./lookup-load.ts', import.meta.url)), url, String(applicantCount)], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) throw new Error(`the lookup load exited with ${code}`);
  return JSON.parse(output.trim().split('\n').at(-1) ?? '') as LookupLoad;
}

/**
 * Whether a fan-out runs while the lookups are measured: none (the endpoint alone), or a worker
 * process (scripts/worker.ts, as `npm start` and `npm run worker` run it) sending the incident's
 * emails.
 */
type FanOut = 'none' | 'worker process';

async function lookupUnderFanOut(db: Database, dir: string, fanOut: FanOut) {
  const resend = await startFakeResend({ requestsPerSecond: 10, keepBodies: false });
  const env = { NODE_ENV: 'production', DATABASE_URL: `file:${join(dir, 'hali.db')}`, SITE_DIR: join(dir, 'site'), RESEND_API_KEY: 're_bench', RESEND_BASE_URL: resend.url, RESEND_RPS: '10', CALENDAR_SIGNING_SECRET: 'bench-secret-bench-secret-bench-secret' };
  const config = loadConfig(env);
  mkdirSync(config.site.dir, { recursive: true });
  const applicantVisits = createApplicantVisitRecorder(db);
  const app = createApp({ config, db, now: () => new Date(), siteBuilds: { schedule: () => {}, status: () => ({ building: false, lastGood: null, lastFailure: null }) }, applicantVisits });
  const server = await startServer({ app, siteDir: config.site.dir, host: '127.0.0.1', port: 0 });
  const workerProcess = fanOut === 'worker process' ? spawn(process.execPath, [await compileWorker()], { cwd: root, env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'inherit'] }) : null;
  const [{ sentBefore }] = await db.all<{ sentBefore: number }>(sql`SELECT count(*) AS sentBefore FROM deliveries WHERE state = 'sent'`);
  try {
    const load = await runLookupLoad(`${server.url}/appointment/lookup`);
    const [{ sent }] = await db.all<{ sent: number }>(sql`SELECT count(*) AS sent FROM deliveries WHERE state = 'sent'`);
    return { ...load, emailsSent: Number(sent) - Number(sentBefore) };
  } finally {
    if (workerProcess) {
      workerProcess.kill('SIGTERM');
      await new Promise((resolve) => workerProcess.once('exit', resolve));
    }
    await server.close();
    await applicantVisits.close();
    await resend.close();
  }
}

async function choiceCost(db: Database) {
  const now = new Date('2026-12-20T08:00:00Z');
  const bare: number[] = [];
  const choice: number[] = [];
  for (let i = 0; i < 300; i++) {
    const plain = reference(10_000 + i);
    let started = performance.now();
    await db.transaction((tx) => writeMoves(tx, [{ reference: plain, toDate: '2027-01-11' }], { incidentId: null, reason: 'bench', movedBy: null, now }));
    bare.push(performance.now() - started);
    const chosen = reference(20_000 + i);
    started = performance.now();
    const outcome = await chooseAnotherDate(db, { reference: chosen, incidentId }, { date: '2027-01-12' }, now);
    choice.push(performance.now() - started);
    if (outcome.kind !== 'moved') throw new Error(`choice not made: ${outcome.kind}`);
  }
  const [check] = await db.select({ date: appointments.appointmentDate }).from(appointments).where(eq(appointments.reference, reference(20_000)));
  if (check.date !== '2027-01-12') throw new Error('choice not written');
  return { bareMs: median(bare), choiceMs: median(choice) };
}

export async function run(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'hali-bench-applicants-'));
  const connection = await openDatabase({ url: `file:${join(dir, 'hali.db')}` });
  try {
    await migrateDatabase(connection.db);
    await seed(connection.db);
    const rows: BenchRow[] = [];
    for (const fanOut of ['none', 'worker process'] as const) {
      // Three runs of 10 s, medians quoted: one run's p99 moves by several ms on a shared machine.
      const runs: Awaited<ReturnType<typeof lookupUnderFanOut>>[] = [];
      for (let i = 0; i < lookupRuns; i++) runs.push(await lookupUnderFanOut(connection.db, dir, fanOut));
      const during = fanOut === 'none' ? 'lookup, no fan-out' : 'lookup during a 100k-email fan-out';
      const sum = (pick: (run: (typeof runs)[number]) => number) => runs.reduce((total, run) => total + pick(run), 0);
      rows.push(
        {
          name: `${during}, throughput`,
          value: median(runs.map((run) => run.requestsPerSecond)),
          unit: 'req/s',
          target: '≥ 500',
          note: `median of ${lookupRuns} runs of 10 s (${runs.map((run) => Math.round(run.requestsPerSecond)).join(', ')}), 10 connections; right pairs among 100k; ${sum((run) => run.emailsSent)} emails sent meanwhile`,
        },
        { name: `${during}, p99`, value: median(runs.map((run) => run.p99)), unit: 'ms', target: '< 50', note: `median of ${lookupRuns} (${runs.map((run) => run.p99).join(', ')}); ${sum((run) => run.non2xx)} non-2xx, ${sum((run) => run.errors)} errors` },
      );
    }
    const cost = await choiceCost(connection.db);
    return [
      ...rows,
      { name: 're-booking alone (writeMoves in a transaction)', value: cost.bareMs, unit: 'ms', note: 'median of 300' },
      { name: "applicant's choice transaction", value: cost.choiceMs, unit: 'ms', note: 'median of 300; capacity, disruptions, limit, audit, action' },
      { name: 'time the choice adds to a re-booking', value: cost.choiceMs - cost.bareMs, unit: 'ms', target: '< 5' },
    ];
  } finally {
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
