import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig } from '../../api/config';
import { createSiteBuilder } from '../../api/site/build/site-builder';
import { migrateDatabase, openDatabase } from '../../db/client';
import type { BenchRow } from './bench-row';
import { seedHistory } from './site-history-seed';
import { processMemoryMb } from './process-memory';

/**
 * Anonymous requests that spell the same public files in many ways (percent-encoded letters,
 * doubled slashes, dot segments) must not grow the server: we send 16,000 distinct spellings to a
 * server process of its own and read its resident memory before and after, and time a staff route
 * while they arrive.
 */
const spellingCount = 16_000;
const here = fileURLToPath(new URL('.', import.meta.url));

/** The i-th spelling: a different subset of letters percent-encoded, then doubled slashes or a dot segment. */
export function spelling(i: number): string {
  const n = Math.floor(i / 2);
  const target = i % 2 === 0 ? '/api/v2/summary.json' : '/index.html';
  let bit = 0;
  const encoded = target.replace(/[a-z]/g, (char) => ((n >> bit++) & 1 ? `%${char.charCodeAt(0).toString(16)}` : char));
  const rest = n >> bit;
  return `${'/.'.repeat(rest % 2)}${'/'.repeat(rest >> 1)}${encoded}`;
}

const agent = new Agent({ keepAlive: true, maxSockets: 20 });

function send(url: URL, path: string): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request({ host: url.hostname, port: url.port, path, agent, headers: { 'Accept-Encoding': 'br, gzip' } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }));
    });
    req.on('error', reject);
    req.end();
  });
}

function startServerProcess(siteDir: string): Promise<{ child: ChildProcess; url: URL }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(here, 'static-site-server.ts'), siteDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`server process exited with ${code}`)));
    child.stdout?.once('data', (chunk: Buffer) => resolve({ child, url: new URL(chunk.toString().trim()) }));
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Runs the measurement against the build under `siteDir` (its `current` link). */
export async function measurePathSpellings(siteDir: string): Promise<BenchRow[]> {
  const { child, url } = await startServerProcess(siteDir);
  try {
    for (let i = 0; i < 200; i++) await send(url, i % 2 ? '/' : '/api/v2/summary.json');
    const quiet: number[] = [];
    for (let i = 0; i < 50; i++) quiet.push((await send(url, '/api/v1/ping')).ms);
    const before = processMemoryMb(child.pid!).resident;

    const during: number[] = [];
    let flooding = true;
    const pinging = (async () => {
      while (flooding) {
        during.push((await send(url, '/api/v1/ping')).ms);
        await new Promise((done) => setTimeout(done, 20));
      }
    })();
    let next = 0;
    const statuses = new Map<number, number>();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 20 }, async () => {
        while (next < spellingCount) {
          const { status } = await send(url, spelling(next++));
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    flooding = false;
    await pinging;
    const after = processMemoryMb(child.pid!).resident;
    const answered = [...statuses].map(([status, count]) => `${count}×${status}`).join(', ');
    return [
      { name: `RSS before ${spellingCount.toLocaleString('en-US')} path spellings`, value: Math.round(before), unit: 'MB' },
      { name: `RSS after ${spellingCount.toLocaleString('en-US')} path spellings`, value: Math.round(after), unit: 'MB', note: `${answered} in ${seconds.toFixed(1)} s` },
      { name: 'RSS growth from path spellings', value: Math.round(after - before), unit: 'MB', target: '≤ 64' },
      { name: 'staff route p50, quiet', value: Number(median(quiet).toFixed(1)), unit: 'ms' },
      { name: 'staff route p50, during path spellings', value: Number(median(during).toFixed(1)), unit: 'ms', note: `${during.length} samples` },
    ];
  } finally {
    child.kill('SIGTERM');
    agent.destroy();
  }
}

// `npx tsx scripts/bench/static-spellings.ts`: the measurement alone, on a fresh build of 200 incidents.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = mkdtempSync(join(tmpdir(), 'hali-bench-spellings-'));
  try {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: `file:${join(dir, 'hali.db')}`, SITE_DIR: join(dir, 'site'), WORKER: 'off' });
    const connection = await openDatabase(config.database);
    await migrateDatabase(connection.db);
    await seedHistory(connection.db, 200);
    const builder = createSiteBuilder(config, connection.db, { log: () => {} });
    const built = await builder.buildNow('bench: path spellings');
    if (!built.ok) throw new Error(built.error);
    builder.close();
    connection.close();
    for (const row of await measurePathSpellings(config.site.dir)) console.log(`${row.name}: ${row.value} ${row.unit}${row.note ? ` (${row.note})` : ''}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
