/**
 * At most `limit` requests per key in a window that opens with the key's first request; past it,
 * the caller is told how many seconds to wait (for Retry-After). Memory is bounded: at most
 * `maxKeys` windows, and a Map's insertion order makes the least recently used the first to go,
 * so a flood of new keys (addresses, IPs) cannot grow it.
 */
export type RequestThrottle = {
  /** Counts a request; null when it may go ahead, else the seconds until the key may try again. */
  take(key: string, now: Date): number | null;
  trackedKeys(): number;
};

type Window = { startedAt: number; count: number };

export function createRequestThrottle(options: { limit: number; windowMs: number; maxKeys?: number }): RequestThrottle {
  const maxKeys = options.maxKeys ?? 10_000;
  const windows = new Map<string, Window>();
  return {
    take(key, now) {
      const at = now.getTime();
      let window = windows.get(key);
      if (!window || at - window.startedAt >= options.windowMs) window = { startedAt: at, count: 0 };
      windows.delete(key);
      windows.set(key, window);
      if (windows.size > maxKeys) {
        const oldest = windows.keys().next();
        if (!oldest.done) windows.delete(oldest.value);
      }
      if (window.count >= options.limit) return Math.max(1, Math.ceil((window.startedAt + options.windowMs - at) / 1000));
      window.count += 1;
      return null;
    },
    trackedKeys: () => windows.size,
  };
}
