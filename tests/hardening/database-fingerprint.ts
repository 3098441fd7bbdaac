import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';

/** Table name → `rows:hash` of its content (every column, in storage order). */
export type DatabaseFingerprint = Map<string, string>;

const quoteIdentifier = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Returns a function that fingerprints every table the database has. The tables and columns are
 * read from sqlite_master once, so a table added by a later migration is covered without touching
 * this file; each fingerprint is then a single statement (SQLite quotes every value, blobs as hex),
 * cheap enough to take around every request.
 */
export async function createDatabaseFingerprinter(db: Database): Promise<() => Promise<DatabaseFingerprint>> {
  const tables = await db.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`);
  const selects: string[] = [];
  for (const { name } of tables) {
    const columns = await db.all<{ name: string }>(sql`SELECT name FROM pragma_table_info(${name})`);
    const row = columns.map((column) => `quote(${quoteIdentifier(column.name)})`).join(" || ',' || ");
    selects.push(`SELECT '${name.replaceAll("'", "''")}' AS name, count(*) AS count, group_concat(${row}, char(10)) AS content FROM ${quoteIdentifier(name)}`);
  }
  const statement = sql.raw(selects.join(' UNION ALL '));
  return async function fingerprintDatabase() {
    const rows = await db.all<{ name: string; count: number; content: string | null }>(statement);
    return new Map(rows.map((row) => [row.name, `${row.count}:${createHash('sha256').update(row.content ?? '').digest('hex').slice(0, 16)}`]));
  };
}

/** The tables whose rows differ between two fingerprints, with their `rows:hash` before → after. */
export function changedTables(before: DatabaseFingerprint, after: DatabaseFingerprint): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names].filter((name) => before.get(name) !== after.get(name)).map((name) => `${name} ${before.get(name) ?? '(none)'} → ${after.get(name) ?? '(none)'}`);
}
