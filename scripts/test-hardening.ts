import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HardeningFigure } from '../tests/hardening/hardening-figures';

/**
 * `npm run test:hardening [-- --short] [--json-report FILE]`: runs the hardening suite
 * (tests/hardening: hostile input, access, load, faults, backups) and prints one table of what
 * each proof measured against its target. `--short` is the smaller run used in CI.
 */
const args = process.argv.slice(2);
const short = args.includes('--short');
const reportIndex = args.indexOf('--json-report');
const jsonReport = reportIndex >= 0 ? args[reportIndex + 1] : undefined;
const unknown = args.filter((arg, i) => arg !== '--short' && arg !== '--json-report' && i !== reportIndex + 1);
if (unknown.length || (reportIndex >= 0 && !jsonReport)) {
  console.error('Usage: npm run test:hardening [-- --short] [--json-report FILE]');
  process.exit(2);
}

const work = mkdtempSync(join(tmpdir(), 'hali-hardening-'));
const figuresFile = join(work, 'figures.jsonl');
const vitestArgs = ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--project', 'hardening', '--reporter=default'];
if (jsonReport) vitestArgs.push('--reporter=json', `--outputFile.json=${jsonReport}`);
const run = spawnSync('npx', vitestArgs, {
  stdio: 'inherit',
  env: { ...process.env, HALI_HARDENING_REPORT: figuresFile, HALI_HARDENING_SCALE: short ? 'short' : 'full' },
});

const figures: HardeningFigure[] = existsSync(figuresFile)
  ? readFileSync(figuresFile, 'utf8').trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as HardeningFigure)
  : [];
const order: HardeningFigure['section'][] = ['hostile input', 'access', 'load', 'faults', 'backups'];
figures.sort((a, b) => order.indexOf(a.section) - order.indexOf(b.section));
const rows = figures.map((f) => [f.section, f.figure, typeof f.value === 'number' ? f.value.toLocaleString('en-US') : f.value, f.unit ?? '', f.target ?? '', f.ok ? 'ok' : 'MISSED']);
const header = ['section', 'figure', 'value', 'unit', 'target', 'result'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((cell, i) => (i === 2 ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ');
console.log(`\nHali hardening (${short ? 'short' : 'full'} run), ${new Date().toISOString()}, Node ${process.version}\n`);
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const r of rows) console.log(line(r));
const missed = figures.filter((f) => !f.ok).length;
console.log(`\n${figures.length} figures, ${missed} missed their target; vitest exit ${run.status}`);
process.exit(run.status === 0 && missed === 0 ? 0 : 1);
