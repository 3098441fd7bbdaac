/**
 * One figure of a benchmark run; scripts/bench.ts prints them as a table, and with `--json` as
 * one object per row. `key` is the stable name other tools read a figure by.
 */
export type BenchRow = { key?: string; name: string; value: number; unit: string; target?: string; note?: string };
