import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';

/**
 * A small filesystem of its own for a database: a tmpfs mounted at `dir` (needs root and a kernel
 * that lets this process mount). `null` where mounting is refused (CI runners, containers without
 * CAP_SYS_ADMIN); callers fall back to something weaker and say so.
 */
export type SmallDisk = { dir: string; remount(mode: 'ro' | 'rw'): void; unmount(): void };

const run = (args: string[]) => spawnSync(args[0], args.slice(1), { encoding: 'utf8' });

export function mountSmallDisk(dir: string, megabytes: number): SmallDisk | null {
  mkdirSync(dir, { recursive: true });
  if (process.env.HALI_HARDENING_NO_MOUNT === '1') return null;
  const mounted = run(['mount', '-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir]);
  if (mounted.status !== 0) return null;
  return {
    dir,
    remount(mode) {
      const result = run(['mount', '-o', `remount,${mode}`, dir]);
      if (result.status !== 0) throw new Error(`mount -o remount,${mode} ${dir}: ${result.stderr}`);
    },
    unmount() {
      run(['umount', '-l', dir]);
    },
  };
}
