import type { BenchRow } from './bench/bench-row';

/**
 * `npm run bench`: runs every benchmark module in one process, one after the other (they share
 * two cores, so running them together would only measure contention), and prints one table.
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

const args = process.argv.slice(2);
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
    const { run } = await modules[name]();
    for (const row of await run()) results.push({ group: name, row });
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
