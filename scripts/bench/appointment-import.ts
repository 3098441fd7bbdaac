import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { once } from 'node:events';
import { sql } from 'drizzle-orm';
import { importAppointments } from '../../api/appointments/import-appointments';
import { systemActor } from '../../api/auth/actor';
import { migrateDatabase, openDatabase } from '../../db/client';
import type { BenchRow } from './bench-row';
import { processMemoryMb } from './process-memory';

const rowCount = 100_000;
const runs = 3;
const offices = Array.from({ length: 10 }, (_, i) => `O${i}`);

async function writeCsv(path: string, rowCount: number): Promise<void> {
  const out = createWriteStream(path);
  out.write('reference,full_name,email,language,service,office,appointment_date\n');
  for (let i = 0; i < rowCount; i++) {
    const day = String(1 + (i % 28)).padStart(2, '0');
    const line = `IMP${String(i).padStart(6, '0')},"Applicant ${i}, Bench",applicant${i}@example.org,${i % 3 ? 'en' : 'sw'},${i % 2 ? 'collection' : 'application'},${offices[i % offices.length]},2026-07-${day}\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
}

/** One import into a fresh database; RSS is sampled as it runs, so the peak shows whether memory stays flat. */
async function timeImport(dir: string, csv: string, run: string): Promise<{ ms: number; rssGrowth: number; imported: number }> {
  const connection = await openDatabase({ url: `file:${join(dir, `import-${run}.db`)}` });
  try {
    await migrateDatabase(connection.db);
    const week = JSON.stringify([500, 500, 500, 500, 500, 0, 0]);
    for (const code of offices) await connection.db.run(sql`INSERT INTO offices (code, name, application_capacity, collection_capacity) VALUES (${code}, ${code}, ${week}, ${week})`);
    globalThis.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = performance.now();
    const result = await importAppointments(
      connection.db,
      createReadStream(csv),
      { skipInvalid: false, source: 'cli', onProgress: () => (peak = Math.max(peak, process.memoryUsage().rss)) },
      { now: new Date(), actor: systemActor },
    );
    const ms = performance.now() - started;
    clearInterval(sampler);
    if (!result.committed) throw new Error(`Bench CSV rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
    return { ms, rssGrowth: peak - baseline, imported: result.inserted };
  } finally {
    connection.close();
  }
}

const megabytes = (bytes: number) => Math.round(bytes / 1_048_576);
const root = fileURLToPath(new URL('../..', import.meta.url));
/** Small enough that a file loaded whole (8.6 MB of CSV is far more as JS objects) could not fit. */
const cappedHeapMb = 40;

/**
 * `npm run import:appointments` itself in a child process with its heap capped, and its peak RSS
 * (VmHWM): the whole-process figure, not a delta that depends on when V8 collects garbage.
 */
async function cliImportPeakRss(dir: string, csv: string, run: string): Promise<number> {
  const databaseUrl = `file:${join(dir, `cli-${run}.db`)}`;
  const connection = await openDatabase({ url: databaseUrl });
  await migrateDatabase(connection.db);
  const week = JSON.stringify([500, 500, 500, 500, 500, 0, 0]);
  for (const code of offices) await connection.db.run(sql`INSERT INTO offices (code, name, application_capacity, collection_capacity) VALUES (${code}, ${code}, ${week}, ${week})`);
  connection.close();
  const child = spawn(process.execPath, [`--max-old-space-size=${cappedHeapMb}`, '--import', 'tsx', 'scripts/import-appointments.ts', csv], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', DATABASE_URL: databaseUrl },
    stdio: 'ignore',
  });
  let peak = 0;
  const sampler = setInterval(() => (peak = Math.max(peak, processMemoryMb(child.pid!).peak)), 20);
  const [code] = (await once(child, 'exit')) as [number | null];
  clearInterval(sampler);
  if (code !== 0) throw new Error(`import:appointments exited with ${code} on ${csv}`);
  return peak;
}

/** Streamed means flat: a file five times smaller should need about as much memory, not five times less. */
export async function benchAppointmentImport(dir: string): Promise<BenchRow[]> {
  const small = join(dir, 'appointments-20k.csv');
  await writeCsv(small, rowCount / 5);
  const smallResult = await timeImport(dir, small, 'small');
  const csv = join(dir, 'appointments-100k.csv');
  await writeCsv(csv, rowCount);
  const sizeMb = statSync(csv).size / 1_048_576;
  const results = [];
  for (let run = 0; run < runs; run++) results.push(await timeImport(dir, csv, String(run)));
  if (results.some((result) => result.imported !== rowCount)) throw new Error('The import did not insert every row.');
  const cliSmall = await cliImportPeakRss(dir, small, 'small');
  const cliLarge = await cliImportPeakRss(dir, csv, 'large');
  const byTime = [...results].sort((a, b) => a.ms - b.ms);
  const median = byTime[Math.floor(runs / 2)];
  return [
    { name: 'import 100,000-row CSV', value: Math.round(median.ms), unit: 'ms', target: '≤ 5000', note: `median of ${runs}; streamed, one transaction` },
    {
      name: 'import peak RSS growth, 100,000 rows',
      value: megabytes(Math.max(...results.map((result) => result.rssGrowth))),
      unit: 'MB',
      note: `worst of ${runs}; the CSV is ${sizeMb.toFixed(1)} MB`,
    },
    { name: 'import peak RSS growth, 20,000 rows', value: megabytes(smallResult.rssGrowth), unit: 'MB', note: 'the same import with a fifth of the rows, for comparison' },
    { name: 'import:appointments peak RSS, 100,000 rows', value: Math.round(cliLarge), unit: 'MB', note: `whole CLI process, heap capped at ${cappedHeapMb} MB` },
    { name: 'import:appointments peak RSS, 20,000 rows', value: Math.round(cliSmall), unit: 'MB', note: 'the same, a fifth of the rows' },
  ];
}
