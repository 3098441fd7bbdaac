import { createClient } from '@libsql/client';

export type DatabaseCheck = { ok: true; migrations: number; appointments: number; deliveries: number } | { ok: false; problem: string };

/** Tables every Hali database has from its first migration on. */
const haliTables = ['__drizzle_migrations', 'incidents', 'appointments', 'deliveries', 'api_tokens'];

/**
 * Whether `file` is a whole Hali database: SQLite's own `PRAGMA integrity_check` passes and the
 * Hali tables are there. Opens the file on its own connection and closes it again.
 */
export async function checkHaliDatabase(file: string): Promise<DatabaseCheck> {
  const client = createClient({ url: `file:${file}` });
  try {
    const integrity = await client.execute('PRAGMA integrity_check');
    const verdict = integrity.rows.map((row) => String(row[0])).join('; ');
    if (verdict !== 'ok') return { ok: false, problem: `SQLite's integrity check failed: ${verdict.slice(0, 300)}` };
    const tables = await client.execute("SELECT name FROM sqlite_master WHERE type = 'table'");
    const present = new Set(tables.rows.map((row) => String(row.name)));
    const missing = haliTables.filter((table) => !present.has(table));
    if (missing.length) return { ok: false, problem: `it is an SQLite database but not a Hali one (no ${missing.join(', ')} table)` };
    const counts = await client.execute(
      'SELECT (SELECT count(*) FROM __drizzle_migrations) AS migrations, (SELECT count(*) FROM appointments) AS appointments, (SELECT count(*) FROM deliveries) AS deliveries',
    );
    const [row] = counts.rows;
    return { ok: true, migrations: Number(row.migrations), appointments: Number(row.appointments), deliveries: Number(row.deliveries) };
  } catch (error) {
    // Not SQLite at all ("file is not a database") or unreadable.
    return { ok: false, problem: `it cannot be read as an SQLite database (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    client.close();
  }
}
