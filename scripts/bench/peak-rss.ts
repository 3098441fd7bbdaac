import { readFileSync } from 'node:fs';

/** A running process's peak resident memory so far (Linux VmHWM), in MB; 0 once it has exited. */
export function peakRssMb(pid: number): number {
  try {
    const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}
