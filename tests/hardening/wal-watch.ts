import { statSync } from 'node:fs';

const walSize = (databaseFile: string) => {
  try {
    return statSync(`${databaseFile}-wal`).size;
  } catch {
    return 0;
  }
};

/**
 * Resolves 'writing' as soon as the database's write-ahead log has grown by `bytes` (a large
 * transaction spilling pages before its commit), or 'answered' if `answered` settles first.
 * Lets a test kill a process in the middle of a transaction instead of after a guessed delay.
 */
export async function whenWalGrows(databaseFile: string, bytes: number, answered: Promise<unknown>, timeoutMs = 60_000): Promise<'writing' | 'answered'> {
  const start = walSize(databaseFile);
  let settled = false;
  void answered.finally(() => (settled = true)).catch(() => undefined);
  const deadline = Date.now() + timeoutMs;
  while (!settled && Date.now() < deadline) {
    if (walSize(databaseFile) >= start + bytes) return 'writing';
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  return 'answered';
}
