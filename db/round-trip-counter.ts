import type { Client, Transaction } from '@libsql/client';

export type RoundTripCounter = {
  /** Round trips sent since the counter was attached (or last reset). */
  count: () => number;
  reset: () => void;
};

type Callable = (...args: unknown[]) => Promise<unknown>;

/** Methods that each send one request to a libSQL server (one statement, one batch, one script). */
const clientMethods = ['execute', 'batch', 'executeMultiple', 'migrate'] as const;
const transactionMethods = ['execute', 'batch', 'executeMultiple', 'commit', 'rollback'] as const;

/**
 * Counts the round trips `client` makes to the database and, with `delayMs`, waits that long
 * before each one, so a benchmark on a local file behaves as if the database were across a
 * network (a libSQL/Turso server by URL). For benchmarks and tests only; nothing in the app
 * attaches it.
 *
 * What counts as one round trip: a statement, a batch or a script outside a transaction; opening a
 * transaction (its BEGIN); each statement, batch or script inside one; its COMMIT or ROLLBACK.
 * That is an upper bound for a remote server, whose client may send BEGIN along with the first
 * statement.
 */
export function countRoundTrips(client: Client, options: { delayMs?: number } = {}): RoundTripCounter {
  const delayMs = options.delayMs ?? 0;
  let count = 0;
  const roundTrip = async () => {
    count++;
    if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
  };
  const wrap = <T extends object>(target: T, methods: readonly string[]) => {
    const callable = target as unknown as Record<string, Callable>;
    for (const method of methods) {
      const original = callable[method].bind(target);
      callable[method] = async (...args) => {
        await roundTrip();
        return original(...args);
      };
    }
  };

  wrap(client, clientMethods);
  const openTransaction = client.transaction.bind(client);
  client.transaction = async (...args: Parameters<Client['transaction']>): Promise<Transaction> => {
    await roundTrip();
    const transaction = await openTransaction(...args);
    wrap(transaction, transactionMethods);
    return transaction;
  };
  return { count: () => count, reset: () => void (count = 0) };
}
