import { createClient, type Client } from '@libsql/client';

/** A plain read connection to a database a server is using, for counting what it wrote. */
export type DatabaseCounts = { count(sql: string, args?: (string | number)[]): Promise<number>; checkpoint(): Promise<void>; close(): void; client: Client };

export function databaseCounts(databaseFile: string): DatabaseCounts {
  const client = createClient({ url: `file:${databaseFile}`, timeout: 10_000 });
  return {
    client,
    async count(sql, args = []) {
      const result = await client.execute({ sql, args });
      return Number(result.rows[0][0]);
    },
    /** Empties the write-ahead log (best effort), so its growth measures the next transaction. */
    async checkpoint() {
      await client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    },
    close: () => client.close(),
  };
}
