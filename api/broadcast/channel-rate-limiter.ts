/**
 * A token bucket per channel: up to `capacity` requests at once, refilled evenly over
 * `intervalMs`. The worker waits for a token before it claims work, so it stays under the
 * provider's limit instead of bouncing off it (and holds no lease while it waits).
 */
export type ChannelRateLimiter = {
  /** Resolves when a request may go out; rejects with the signal's reason when aborted. */
  take(signal?: AbortSignal): Promise<void>;
  /** Returns a token that was taken but not used (there was no work to claim). */
  giveBack(): void;
};

export function createChannelRateLimiter(options: { capacity: number; intervalMs: number }): ChannelRateLimiter {
  const refillPerMs = options.capacity / options.intervalMs;
  let tokens = options.capacity;
  let updatedAt = performance.now();

  function refill() {
    const at = performance.now();
    tokens = Math.min(options.capacity, tokens + (at - updatedAt) * refillPerMs);
    updatedAt = at;
  }

  return {
    giveBack() {
      refill();
      tokens = Math.min(options.capacity, tokens + 1);
    },
    async take(signal) {
      for (;;) {
        signal?.throwIfAborted();
        refill();
        if (tokens >= 1) {
          tokens -= 1;
          return;
        }
        const waitMs = Math.ceil((1 - tokens) / refillPerMs);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, waitMs);
          function done() {
            clearTimeout(timer);
            signal?.removeEventListener('abort', done);
            resolve();
          }
          signal?.addEventListener('abort', done, { once: true });
        });
      }
    },
  };
}

/**
 * Resend: one request every 1/requestsPerSecond seconds, no bursts, with 2% headroom because the
 * provider counts arrivals and the network can bunch two requests closer than they left.
 */
export function resendRateLimiter(requestsPerSecond: number): ChannelRateLimiter {
  return createChannelRateLimiter({ capacity: 1, intervalMs: (1000 / requestsPerSecond) * 1.02 });
}

/** X: `postsPer15Minutes` in X's 15-minute window. */
export function xRateLimiter(postsPer15Minutes: number): ChannelRateLimiter {
  return createChannelRateLimiter({ capacity: postsPer15Minutes, intervalMs: 15 * 60_000 });
}
