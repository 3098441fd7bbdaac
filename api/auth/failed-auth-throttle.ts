export type FailedAuthThrottle = {
  /** Seconds the address must wait, or null when it may try. */
  retryAfterSeconds: (address: string, now: Date) => number | null;
  recordFailure: (address: string, now: Date) => void;
  trackedAddresses: () => number;
};

type Window = { startedAt: number; failures: number };

/**
 * Per-address count of failed authentications in a window that opens with the first failure:
 * after `maxFailures` the address waits until the window closes, so tokens cannot be guessed at
 * speed. Memory is bounded: at most `maxTrackedAddresses` windows, and a Map's insertion order
 * makes the one that failed least recently the first to be forgotten.
 */
export function createFailedAuthThrottle(
  options: { maxFailures?: number; windowMs?: number; maxTrackedAddresses?: number } = {},
): FailedAuthThrottle {
  const maxFailures = options.maxFailures ?? 10;
  const windowMs = options.windowMs ?? 60_000;
  const maxTrackedAddresses = options.maxTrackedAddresses ?? 10_000;
  const windows = new Map<string, Window>();

  function openWindow(address: string, now: Date): Window | undefined {
    const window = windows.get(address);
    if (window && now.getTime() - window.startedAt >= windowMs) {
      windows.delete(address);
      return undefined;
    }
    return window;
  }

  return {
    retryAfterSeconds(address, now) {
      const window = openWindow(address, now);
      if (!window || window.failures < maxFailures) return null;
      return Math.ceil((window.startedAt + windowMs - now.getTime()) / 1000);
    },
    recordFailure(address, now) {
      const window = openWindow(address, now) ?? { startedAt: now.getTime(), failures: 0 };
      window.failures += 1;
      windows.delete(address);
      windows.set(address, window);
      if (windows.size > maxTrackedAddresses) {
        const leastRecent = windows.keys().next();
        if (!leastRecent.done) windows.delete(leastRecent.value);
      }
    },
    trackedAddresses: () => windows.size,
  };
}
