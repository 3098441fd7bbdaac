import {
  LibsqlBatchError,
  LibsqlError,
  type Client,
  type InArgs,
  type InStatement,
  type InValue,
  type ResultSet,
  type Row,
  type Transaction,
  type TransactionMode,
} from '@libsql/client';
import Libsql from 'libsql';

type Connection = InstanceType<typeof Libsql>;
type Statement = ReturnType<Connection['prepare']>;
type Bound = unknown[] | Record<string, unknown>;

/**
 * A prepared statement kept for reuse, with what is needed to turn its rows into libSQL rows:
 * column names, and a prototype that reads a row's values by position (drizzle's typed selects)
 * while the names are the row's own enumerable properties (raw `sql` selects).
 */
type CachedStatement = { statement: Statement; reader: boolean; columns: string[]; columnTypes: string[]; rowPrototype: object };

const values = Symbol('values');
/** Statements kept per connection. The SQL comes from our code, but raw SQL may inline values, so the cache is bounded. */
const statementsPerConnection = 500;

const sqliteErrorNames: Record<number, string> = {
  1: 'SQLITE_ERROR', 2: 'SQLITE_INTERNAL', 3: 'SQLITE_PERM', 4: 'SQLITE_ABORT', 5: 'SQLITE_BUSY', 6: 'SQLITE_LOCKED', 7: 'SQLITE_NOMEM',
  8: 'SQLITE_READONLY', 9: 'SQLITE_INTERRUPT', 10: 'SQLITE_IOERR', 11: 'SQLITE_CORRUPT', 12: 'SQLITE_NOTFOUND', 13: 'SQLITE_FULL',
  14: 'SQLITE_CANTOPEN', 15: 'SQLITE_PROTOCOL', 16: 'SQLITE_EMPTY', 17: 'SQLITE_SCHEMA', 18: 'SQLITE_TOOBIG', 19: 'SQLITE_CONSTRAINT',
  20: 'SQLITE_MISMATCH', 21: 'SQLITE_MISUSE', 22: 'SQLITE_NOLFS', 23: 'SQLITE_AUTH', 24: 'SQLITE_FORMAT', 25: 'SQLITE_RANGE',
  26: 'SQLITE_NOTADB', 27: 'SQLITE_NOTICE', 28: 'SQLITE_WARNING',
};

/** The same LibsqlError (code, extendedCode, rawCode) @libsql/client gives, so error handling cannot tell the clients apart. */
function libsqlError(error: unknown): unknown {
  if (!(error instanceof Libsql.SqliteError)) return error;
  const rawCode = (error as { rawCode?: number }).rawCode;
  const base = rawCode === undefined ? 'SQLITE_UNKNOWN' : (sqliteErrorNames[rawCode & 0xff] ?? `SQLITE_UNKNOWN_${rawCode & 0xff}`);
  return new LibsqlError(error.message, base, error.code, rawCode, error);
}

function inBatch(error: unknown, index: number): unknown {
  if (error instanceof LibsqlError && !(error instanceof LibsqlBatchError)) {
    return new LibsqlBatchError(error.message, index, error.code, error.extendedCode, error.rawCode, error.cause instanceof Error ? error.cause : undefined);
  }
  return error;
}

function toSqlValue(value: InValue | undefined): unknown {
  if (typeof value === 'number' && !Number.isFinite(value)) throw new RangeError('Only finite numbers (not Infinity or NaN) can be passed as arguments');
  if (typeof value === 'boolean') return value ? 1 : 0;
  if (value instanceof Date) return value.valueOf();
  if (value instanceof ArrayBuffer) return Buffer.from(value);
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database');
  return value;
}

function bind(args: InArgs | undefined): Bound {
  if (args === undefined) return [];
  if (Array.isArray(args)) return args.map(toSqlValue);
  const named: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(args)) named[/^[@$:]/u.test(name) ? name.slice(1) : name] = toSqlValue(value);
  return named;
}

function rowPrototypeFor(columns: string[]): object {
  const prototype: Record<string | symbol, unknown> = {};
  Object.defineProperty(prototype, 'length', { value: columns.length });
  columns.forEach((_, index) =>
    Object.defineProperty(prototype, index, {
      get(this: { [values]: unknown[] }) {
        return this[values][index];
      },
    }),
  );
  return prototype;
}

function toRow(cached: CachedStatement, raw: unknown[]): Row {
  const row = Object.create(cached.rowPrototype) as Record<string | symbol, unknown>;
  row[values] = raw;
  const { columns } = cached;
  // A name used twice (two joined tables' "id") keeps its first value, as @libsql/client does.
  for (let index = columns.length - 1; index >= 0; index--) row[columns[index]] = raw[index];
  return row as unknown as Row;
}

function resultSet(columns: string[], columnTypes: string[], rows: Row[], rowsAffected: number, lastInsertRowid: bigint | undefined): ResultSet {
  return {
    columns,
    columnTypes,
    rows,
    rowsAffected,
    lastInsertRowid,
    toJSON: () => ({ columns, columnTypes, rows: rows.map((row) => Array.from(row as ArrayLike<unknown>)), rowsAffected, lastInsertRowid: lastInsertRowid?.toString() ?? null }),
  };
}

const beginStatement: Record<TransactionMode, string> = { write: 'BEGIN IMMEDIATE', read: 'BEGIN TRANSACTION READONLY', deferred: 'BEGIN DEFERRED' };

/** One SQLite connection with its statement cache. */
class CachingConnection {
  readonly database: Connection;
  private readonly statements = new Map<string, CachedStatement>();

  constructor(path: string, timeoutMs: number) {
    this.database = new Libsql(path, { timeout: timeoutMs });
    // In WAL mode NORMAL syncs at checkpoints, not at every commit: the file stays consistent after
    // any crash, and only a power loss can undo the last commits. What that could undo is safe to
    // redo: an email marked sent goes out again under the same batch Idempotency-Key, which Resend
    // answers from its record. A commit then costs about 0.1 ms instead of an fsync (db/README.md).
    this.database.exec('PRAGMA synchronous = NORMAL');
  }

  private prepare(sql: string): CachedStatement {
    const known = this.statements.get(sql);
    if (known) return known;
    const statement = this.database.prepare(sql);
    const reader = statement.reader;
    let columns: string[] = [];
    let columnTypes: string[] = [];
    if (reader) {
      statement.raw(true);
      const definitions = statement.columns();
      columns = definitions.map((column) => column.name);
      columnTypes = definitions.map((column) => column.type ?? '');
    }
    const cached = { statement, reader, columns, columnTypes, rowPrototype: rowPrototypeFor(columns) };
    if (this.statements.size >= statementsPerConnection) this.statements.delete(this.statements.keys().next().value as string);
    this.statements.set(sql, cached);
    return cached;
  }

  execute(stmt: InStatement | [string, InArgs?], args?: InArgs): ResultSet {
    const sql = typeof stmt === 'string' ? stmt : Array.isArray(stmt) ? stmt[0] : stmt.sql;
    const given = typeof stmt === 'string' ? args : Array.isArray(stmt) ? stmt[1] : stmt.args;
    try {
      const cached = this.prepare(sql);
      const bound = bind(given);
      if (cached.reader) {
        const raw = cached.statement.all(bound) as unknown[][];
        return resultSet(cached.columns, cached.columnTypes, raw.map((values) => toRow(cached, values)), 0, undefined);
      }
      const info = cached.statement.run(bound);
      return resultSet([], [], [], info.changes, BigInt(info.lastInsertRowid));
    } catch (error) {
      throw libsqlError(error);
    }
  }

  /** A script (migrations): the schema may change, so cached statements are dropped. */
  executeScript(sql: string): void {
    this.statements.clear();
    try {
      this.database.exec(sql);
    } catch (error) {
      throw libsqlError(error);
    }
  }

  get inTransaction(): boolean {
    return this.database.open && this.database.inTransaction;
  }

  close(): void {
    this.statements.clear();
    if (this.database.open) this.database.close();
  }
}

/**
 * A libSQL client for a local database file, a drop-in for @libsql/client's own (same interface,
 * same errors, same libSQL engine underneath) that keeps each connection's prepared statements
 * instead of preparing every statement anew, and builds rows without a property definition per
 * column: @libsql/client spent about 66 µs of an 84 µs indexed read there (db/README.md).
 * Connections are pooled as @libsql/client pools them: a transaction holds one until it settles,
 * a statement outside it borrows another.
 */
export function createLocalFileClient(path: string, options: { timeoutMs: number }): Client {
  const idle: CachingConnection[] = [];
  const open = new Set<CachingConnection>();
  let closed = false;

  const checkOpen = () => {
    if (closed) throw new LibsqlError('The client is closed', 'CLIENT_CLOSED');
  };
  const acquire = (): CachingConnection => {
    checkOpen();
    const connection = idle.pop() ?? new CachingConnection(path, options.timeoutMs);
    open.add(connection);
    return connection;
  };
  const release = (connection: CachingConnection) => {
    // Never hand on a connection mid-transaction: the next borrower would inherit it.
    if (connection.inTransaction) {
      try {
        connection.execute('ROLLBACK');
      } catch {
        connection.close();
      }
    }
    if (closed || !connection.database.open) {
      open.delete(connection);
      connection.close();
      return;
    }
    idle.push(connection);
  };
  const borrow = <T>(work: (connection: CachingConnection) => T): Promise<T> => {
    try {
      const connection = acquire();
      try {
        return Promise.resolve(work(connection));
      } finally {
        release(connection);
      }
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const inOneTransaction = (connection: CachingConnection, begin: string, stmts: Array<InStatement | [string, InArgs?]>) => {
    connection.execute(begin);
    const results = stmts.map((stmt, index) => {
      try {
        if (!connection.inTransaction) throw new LibsqlBatchError('The transaction has been rolled back', index, 'TRANSACTION_CLOSED');
        return connection.execute(stmt);
      } catch (error) {
        throw inBatch(error, index);
      }
    });
    connection.execute('COMMIT');
    return results;
  };

  const client: Client = {
    closed: false,
    protocol: 'file',
    execute: ((stmt: InStatement | string, args?: InArgs) => borrow((connection) => connection.execute(stmt, args))) as Client['execute'],
    batch: (stmts, mode = 'deferred') => borrow((connection) => inOneTransaction(connection, beginStatement[mode], stmts)),
    migrate: (stmts) =>
      borrow((connection) => {
        connection.execute('PRAGMA foreign_keys=off');
        try {
          return inOneTransaction(connection, 'BEGIN DEFERRED', stmts);
        } finally {
          if (connection.inTransaction) connection.execute('ROLLBACK');
          connection.execute('PRAGMA foreign_keys=on');
        }
      }),
    executeMultiple: (sql) => borrow((connection) => connection.executeScript(sql)),
    transaction: async (mode: TransactionMode = 'write') => {
      const connection = acquire();
      try {
        connection.execute(beginStatement[mode]);
      } catch (error) {
        release(connection);
        throw error;
      }
      return localTransaction(connection, release);
    },
    sync: async () => undefined,
    // Like @libsql/client's: usable again after close(); connections open as they are needed.
    reconnect: async () => {
      closed = false;
      client.closed = false;
    },
    close: () => {
      closed = true;
      client.closed = true;
      for (const connection of open) connection.close();
      open.clear();
      idle.length = 0;
    },
  };
  return client;
}

function localTransaction(connection: CachingConnection, release: (connection: CachingConnection) => void): Transaction {
  let held: CachingConnection | null = connection;
  const settle = () => {
    if (held) release(held);
    held = null;
  };
  const current = (): CachingConnection => {
    if (!held || !held.inTransaction) throw new LibsqlError('The transaction is closed', 'TRANSACTION_CLOSED');
    return held;
  };
  const transaction: Transaction = {
    execute: (async (stmt: InStatement | string, args?: InArgs) => current().execute(stmt, args)) as Transaction['execute'],
    batch: async (stmts) =>
      stmts.map((stmt, index) => {
        try {
          return current().execute(stmt);
        } catch (error) {
          throw inBatch(error, index);
        }
      }),
    executeMultiple: async (sql) => current().executeScript(sql),
    rollback: async () => {
      try {
        if (held?.inTransaction) held.execute('ROLLBACK');
      } finally {
        settle();
      }
    },
    commit: async () => {
      try {
        current().execute('COMMIT');
      } finally {
        settle();
      }
    },
    close: () => {
      try {
        if (held?.inTransaction) held.execute('ROLLBACK');
      } finally {
        settle();
      }
    },
    get closed() {
      return !held || !held.inTransaction;
    },
  };
  return transaction;
}
