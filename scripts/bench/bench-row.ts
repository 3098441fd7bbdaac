/** One figure of a benchmark run; scripts/bench.ts prints them as a table. */
export type BenchRow = { name: string; value: number; unit: string; target?: string; note?: string };
