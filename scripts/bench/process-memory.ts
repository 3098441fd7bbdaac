import { readFileSync } from 'node:fs';

export type ProcessMemoryMb = {
  /** Peak resident memory so far (VmHWM). */
  peak: number;
  /** Resident memory now (VmRSS). */
  resident: number;
  /** The file-backed part of `resident` (RssFile): the binary and the native libraries mapped in. */
  fileBacked: number;
};

/** A running process's memory from one read of /proc/<pid>/status (Linux), in MB; zeros once it has exited. */
export function processMemoryMb(pid: number): ProcessMemoryMb {
  let status = '';
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    // The process has exited.
  }
  const mb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { peak: mb('VmHWM'), resident: mb('VmRSS'), fileBacked: mb('RssFile') };
}
