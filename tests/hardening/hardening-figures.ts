import { appendFileSync } from 'node:fs';

/**
 * One row of `npm run test:hardening`'s table. Each hardening test records what it measured
 * (inputs tried, 5xx seen, p99…) with its target; the runner (scripts/test-hardening.ts) prints
 * them as one table. Outside the runner (plain vitest) the rows go to the console only.
 */
export type HardeningFigure = {
  section: 'hostile input' | 'access' | 'load' | 'faults' | 'backups';
  figure: string;
  value: number | string;
  unit?: string;
  target?: string;
  /** Whether the value meets its target; the test also asserts it. */
  ok: boolean;
};

export function recordFigure(figure: HardeningFigure): void {
  const file = process.env.HALI_HARDENING_REPORT;
  if (file) appendFileSync(file, `${JSON.stringify(figure)}\n`);
  else console.log(`[hardening] ${figure.section} · ${figure.figure}: ${figure.value}${figure.unit ? ` ${figure.unit}` : ''}`);
}

/** `--short` (CI) runs each proof smaller; the full run is what the closing note quotes. */
export const hardeningScale: 'short' | 'full' = process.env.HALI_HARDENING_SCALE === 'short' ? 'short' : 'full';

/** Picks the full or the short figure, e.g. scaled(10_000, 1_000) inputs. */
export const scaled = (full: number, short: number): number => (hardeningScale === 'short' ? short : full);
