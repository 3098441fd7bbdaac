import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { takeTurnsInProcess } from './in-process-turns';
import { createLocalFileClient } from './local-file-client';
import * as schema from './schema/index';

/** With its libSQL client, for the worker's hot statements that pass their parameters as they are. */
export type Database = LibSQLDatabase<typeof schema> & { $client: Client };
/** A transaction handle; domain functions that write take this or a Database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;

export type DatabaseConnection = { db: Database; client: Client; close: () => void };

/** How long a statement waits for another process's write lock before failing with SQLITE_BUSY. */
const busyTimeoutMs = 10_000;

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * The database holds applicants' names and emails and the calendar signing key, so its folder
 * (when we create it) is 0700 and the file 0600 before libSQL opens it; SQLite gives the -wal and
 * -shm files the main file's mode. Files an earlier version left 0644 are closed up too.
 */
function createPrivateDatabaseFile(path: string): void {
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  closeSync(openSync(path, 'a', 0o600));
  for (const file of [path, `${path}-wal`, `${path}-shm`]) {
    if (!existsSync(file)) continue;
    try {
      chmodSync(file, 0o600);
    } catch (error) {
      // Someone else's file that we may still write (a shared group): its owner decides its mode.
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    }
  }
}

/**
 * Opens the database at `url`: a local SQLite file or a libSQL/Turso server, through one code path.
 * Local files get WAL (readers never wait for the writer) and a busy timeout so concurrent
 * workers queue instead of failing; libSQL keeps foreign keys on by itself.
 */
export async function openDatabase(options: { url: string; authToken?: string }): Promise<DatabaseConnection> {
  const isFile = options.url.startsWith('file:');
  const path = isFile ? options.url.slice('file:'.length) : null;
  if (path !== null && path !== ':memory:') createPrivateDatabaseFile(path);
  // A plain file path gets the statement-caching client; memory databases and URLs with options keep @libsql/client's.
  const client =
    path !== null && path !== ':memory:' && !path.includes('?')
      ? createLocalFileClient(path, { timeoutMs: busyTimeoutMs })
      : createClient({ url: options.url, authToken: options.authToken, timeout: busyTimeoutMs });
  if (isFile) await client.execute('PRAGMA journal_mode = WAL');
  const db = drizzle(client, { schema });
  if (isFile) takeTurnsInProcess(db, client);
  return { db, client, close: () => client.close() };
}

/** Applies the committed drizzle-kit migrations; safe to run at every start. */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
