import { readFileSync } from 'node:fs';

/** One memory figure of a running process from /proc (Linux), in MB; 0 once it has exited. */
export function residentMb(pid: number, field: 'VmHWM' | 'VmRSS' | 'RssFile'): number {
  try {
    const match = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** A running process's peak resident memory so far (VmHWM), in MB; 0 once it has exited. */
export const peakRssMb = (pid: number): number => residentMb(pid, 'VmHWM');
