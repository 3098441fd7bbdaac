import { chmodSync, closeSync, constants, copyFileSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { checkHaliDatabase } from './check-hali-database';
import { BackupRefused, localDatabaseFile } from './local-database-file';
import { processesUsingFiles } from './processes-using-file';

export type RestoreResult = {
  target: string;
  from: string;
  bytes: number;
  appointments: number;
  deliveries: number;
  /** Where the database that was replaced went (with its -wal), or null if there was none. */
  replacedKeptAs: string | null;
  /** Said to the operator, e.g. that nobody could check for running servers. */
  warnings: string[];
};

const sidecars = (file: string) => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

function fsyncPath(path: string): void {
  const descriptor = openSync(path, 'r');
  try {
    fsyncSync(descriptor);
  } finally {
    closeSync(descriptor);
  }
}

/**
 * Puts the backup `backupFile` in place of the database at `url`. Refuses while any process has
 * that database open (a server or worker would go on writing to the replaced file). The backup is
 * copied next to the target first and checked there (integrity_check, Hali tables); only then is
 * the current database moved aside (kept, with its -wal, as `<file>.replaced-<time>`) and the copy
 * renamed into place, so a failure at any step leaves either the old database or the restored
 * one, never a mix. A stale -wal must not stay beside the restored file: SQLite would replay it
 * onto the wrong database.
 */
export async function restoreDatabase(url: string, backupFile: string, at: Date): Promise<RestoreResult> {
  const target = localDatabaseFile(url);
  const from = resolve(backupFile);
  if (!existsSync(from)) throw new BackupRefused(`There is no file at ${from}. Nothing was changed.`);
  const warnings: string[] = [];
  const holders = processesUsingFiles([target, ...sidecars(target)]);
  if (holders === null) warnings.push('Could not check whether a server or worker has the database open (no /proc); make sure they are stopped.');
  else if (holders.length > 0) {
    const list = holders.map((holder) => `${holder.pid} (${holder.command || 'unknown'})`).join(', ');
    throw new BackupRefused(`${target} is open in process ${list}. Stop the server and workers (npm start, npm run worker) first, then restore. Nothing was changed.`);
  }

  mkdirSync(dirname(target), { recursive: true });
  const incoming = `${target}.restoring`;
  for (const file of [incoming, ...sidecars(incoming)]) rmSync(file, { force: true });
  copyFileSync(from, incoming, constants.COPYFILE_EXCL);
  chmodSync(incoming, 0o600);
  const check = await checkHaliDatabase(incoming);
  for (const file of sidecars(incoming)) rmSync(file, { force: true });
  if (!check.ok) {
    rmSync(incoming, { force: true });
    throw new BackupRefused(`${from} is not a usable Hali backup: ${check.problem}. Nothing was changed.`);
  }
  fsyncPath(incoming);

  let replacedKeptAs: string | null = null;
  if (existsSync(target)) {
    replacedKeptAs = `${target}.replaced-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}`;
    renameSync(target, replacedKeptAs);
    if (existsSync(`${target}-wal`)) renameSync(`${target}-wal`, `${replacedKeptAs}-wal`);
  }
  for (const file of sidecars(target)) rmSync(file, { force: true });
  renameSync(incoming, target);
  fsyncPath(dirname(target));
  return { target, from, bytes: statSync(target).size, appointments: check.appointments, deliveries: check.deliveries, replacedKeptAs, warnings };
}
