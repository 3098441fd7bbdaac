import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

export type FileHolder = { pid: number; command: string };

/**
 * Processes on this machine that have one of `files` open (Linux: /proc/<pid>/fd). A running
 * server or worker keeps its database open, so this tells "someone is using it" apart from a
 * leftover -wal file. Returns null where /proc is not available to look.
 */
export function processesUsingFiles(files: string[]): FileHolder[] | null {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name) && Number(name) !== process.pid);
  } catch {
    return null;
  }
  const wanted = new Set(files);
  const holders: FileHolder[] = [];
  for (const pid of pids) {
    let descriptors: string[];
    try {
      descriptors = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue; // gone, or not ours to look at
    }
    const holds = descriptors.some((fd) => {
      try {
        return wanted.has(readlinkSync(`/proc/${pid}/fd/${fd}`));
      } catch {
        return false;
      }
    });
    if (!holds) continue;
    let command = '';
    try {
      command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').slice(0, 120);
    } catch {
      // exited meanwhile
    }
    holders.push({ pid: Number(pid), command });
  }
  return holders;
}
