import { AsyncLocalStorage } from 'node:async_hooks';
import type { Client } from '@libsql/client';
import type { Database } from './client';

/**
 * Makes database work in this process take turns: one transaction, or one statement outside a
 * transaction, at a time.
 *
 * Why: libSQL's local-file driver is synchronous. A statement that meets SQLite's write lock waits
 * in SQLite's busy handler, which blocks the whole event loop; if the lock is held by a transaction
 * of this same process that is between two `await`s, that transaction can never continue, and the
 * waiter fails with SQLITE_BUSY once the busy timeout (10 s) runs out. Taking turns in JavaScript
 * instead removes the deadlock at no real cost: SQLite admits one writer at a time anyway. Other
 * processes (a separate worker) still meet at SQLite's own lock, where waiting is harmless.
 */
export function takeTurnsInProcess(db: Database, client: Client): void {
  let tail: Promise<void> = Promise.resolve();
  const insideTransaction = new AsyncLocalStorage<true>();

  async function inTurn<T>(work: () => Promise<T>): Promise<T> {
    const previous = tail;
    let release!: () => void;
    tail = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      return await work();
    } finally {
      release();
    }
  }

  // Statements outside a transaction. One issued with `db` from inside a transaction callback
  // (instead of `tx`) runs at once, as it did before, rather than waiting on its own turn forever.
  const wrappable = client as unknown as Record<'execute' | 'batch' | 'executeMultiple' | 'migrate', (...args: unknown[]) => Promise<unknown>>;
  for (const method of ['execute', 'batch', 'executeMultiple', 'migrate'] as const) {
    const original = wrappable[method].bind(client);
    wrappable[method] = (...args) => (insideTransaction.getStore() ? original(...args) : inTurn(() => original(...args)));
  }

  const transaction = db.transaction.bind(db);
  db.transaction = ((run, config) =>
    insideTransaction.getStore()
      ? transaction(run, config)
      : insideTransaction.run(true, () => inTurn(() => transaction(run, config)))) as Database['transaction'];
}
