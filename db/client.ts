import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { takeTurnsInProcess } from './in-process-turns';
import * as schema from './schema/index';

export type Database = LibSQLDatabase<typeof schema>;
/** A transaction handle; domain functions that write take this or a Database. */
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];
export type DatabaseOrTransaction = Database | Transaction;

export type DatabaseConnection = { db: Database; client: Client; close: () => void };

const migrationsFolder = fileURLToPath(new URL('./migrations', import.meta.url));

/**
 * Opens the database at `url`: a local SQLite file or a libSQL/Turso server, through one code path.
 * Local files get WAL (readers never wait for the writer) and a busy timeout so concurrent
 * workers queue instead of failing; libSQL keeps foreign keys on by itself.
 */
export async function openDatabase(options: { url: string; authToken?: string }): Promise<DatabaseConnection> {
  const isFile = options.url.startsWith('file:');
  if (isFile) {
    const path = options.url.slice('file:'.length);
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  }
  const client = createClient({ url: options.url, authToken: options.authToken, timeout: 10_000 });
  if (isFile) await client.execute('PRAGMA journal_mode = WAL');
  const db = drizzle(client, { schema });
  if (isFile) takeTurnsInProcess(db, client);
  return { db, client, close: () => client.close() };
}

/** Applies the committed drizzle-kit migrations; safe to run at every start. */
export async function migrateDatabase(db: Database): Promise<void> {
  await migrate(db, { migrationsFolder });
}
