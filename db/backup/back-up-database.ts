import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createClient } from '@libsql/client';
import { checkHaliDatabase } from './check-hali-database';
import { BackupRefused, localDatabaseFile } from './local-database-file';

export type BackupResult = { source: string; file: string; bytes: number; ms: number; appointments: number; deliveries: number };

/** `data/backups/hali-20261125T080000Z.db` beside the database. */
export function defaultBackupFile(databaseFile: string, at: Date): string {
  return resolve(dirname(databaseFile), 'backups', `hali-${at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '')}.db`);
}

/**
 * Writes a consistent copy of the live database at `url` to `outFile` with SQLite's `VACUUM INTO`:
 * one read transaction, so the copy is the database as of one instant while the server and
 * workers go on writing (WAL readers never block them). The copy holds names and email addresses,
 * so it is created 0600 before any byte is written, is checked (integrity_check, Hali tables)
 * before it gets its final name, and an existing file is never overwritten.
 */
export async function backUpDatabase(url: string, outFile: string): Promise<BackupResult> {
  const source = localDatabaseFile(url);
  if (!existsSync(source)) throw new BackupRefused(`There is no database at ${source}: check DATABASE_URL.`);
  const file = resolve(outFile);
  if (existsSync(file)) throw new BackupRefused(`${file} already exists; choose another --out (a backup never overwrites a file).`);
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const partial = `${file}.partial`;
  const started = performance.now();
  // VACUUM INTO accepts an empty file, and keeps its mode: nobody else can read it at any point.
  closeSync(openSync(partial, 'wx', 0o600));
  try {
    const client = createClient({ url: `file:${source}`, timeout: 10_000 });
    try {
      await client.execute({ sql: 'VACUUM INTO ?', args: [partial] });
    } finally {
      client.close();
    }
    const check = await checkHaliDatabase(partial);
    if (!check.ok) throw new Error(`The copy failed its check, so it was removed: ${check.problem}`);
    const descriptor = openSync(partial, 'r');
    fsyncSync(descriptor);
    closeSync(descriptor);
    renameSync(partial, file);
    return { source, file, bytes: statSync(file).size, ms: Math.round(performance.now() - started), appointments: check.appointments, deliveries: check.deliveries };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}
