import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './bench/bench-row';

/**
 * `npm run bench`: runs every benchmark module one after the other (they share two cores, so
 * running them together would only measure contention), each in a fresh process of its own (a
 * module measured after others inherited their heap and caches: the lookup ran at 290 req/s
 * there and at 556–860 req/s alone), and prints one table.
 * `npm run bench -- site appointments` runs only the named modules; `--json` prints the rows as
 * one JSON array (one object per row, with its stable `key`) instead of the table.
 */
const modules: Record<string, () => Promise<{ run: () => Promise<BenchRow[]> }>> = {
  site: () => import('./bench/site'),
  appointments: () => import('./bench/appointments'),
  broadcast: () => import('./bench/broadcast'),
  applicants: () => import('./bench/applicant-lookup'),
  publish: () => import('./bench/publish-round-trips'),
};

function formatValue(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value.toLocaleString('en-US', { maximumFractionDigits: value < 10 ? 3 : 1 });
}

function printTable(rows: { group: string; row: BenchRow }[]): void {
  const table = rows.map(({ group, row }) => [group, row.name, formatValue(row.value), row.unit, row.target ?? '', row.note ?? '']);
  const header = ['bench', 'figure', 'value', 'unit', 'target', 'note'];
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of table) console.log(line(r));
}

const rowsMarker = 'BENCH_ROWS ';
const args = process.argv.slice(2);

// A child started below: run one module and hand its rows back on stdout.
if (args[0] === '--module-rows') {
  const { run } = await modules[args[1]]();
  console.log(rowsMarker + JSON.stringify(await run()));
  process.exit(0);
}

/** Runs one module in a node process of its own and returns its rows. */
function runModuleAlone(name: string): Promise<BenchRow[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--module-rows', name], { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => {
      const line = output.split('\n').find((text) => text.startsWith(rowsMarker));
      if (code === 0 && line) resolve(JSON.parse(line.slice(rowsMarker.length)) as BenchRow[]);
      else reject(new Error(`the ${name} benchmark exited with ${code}`));
    });
  });
}

const asJson = args.includes('--json');
const requested = args.filter((arg) => arg !== '--json');
const selected = requested.length ? requested : Object.keys(modules);
const unknown = selected.filter((name) => !(name in modules));
if (unknown.length) {
  console.error(`Unknown benchmark: ${unknown.join(', ')}. Choose from: ${Object.keys(modules).join(', ')}.`);
  process.exit(2);
}

const results: { group: string; row: BenchRow }[] = [];
const failed: string[] = [];
for (const name of selected) {
  console.error(`running ${name}…`);
  // One module failing must not lose the figures the others measured.
  try {
    for (const row of await runModuleAlone(name)) results.push({ group: name, row });
  } catch (error) {
    failed.push(name);
    console.error(`${name} failed:`, error);
  }
}
if (asJson) {
  console.log(JSON.stringify(results.map(({ group, row }) => ({ bench: group, ...row })), null, 1));
} else {
  console.log(`\nHali benchmarks, ${new Date().toISOString()}, Node ${process.version}\n`);
  printTable(results);
}
if (failed.length) {
  console.error(`Failed: ${failed.join(', ')}.`);
  process.exitCode = 1;
}
