import type { BenchRow } from './bench-row';

export async function benchAppointmentImport(_dir: string): Promise<BenchRow[]> {
  return [];
}
