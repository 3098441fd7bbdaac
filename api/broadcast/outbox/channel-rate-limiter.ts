/**
 * A per-channel rate limit shaped like the providers' own: at most `limit` requests in any
 * `windowMs` (X counts posts per 15 minutes, Resend requests per second). The worker waits for
 * room before it sends, so it stays under the provider's limit instead of bouncing off it. A
 * sliding window (rather than an even spacing) lets a request that went out late be followed at
 * once, so a busy moment does not cost throughput for good.
 */
export type ChannelRateLimiter = {
  /** Resolves when a request may go out; rejects with the signal's reason when aborted. */
  take(signal?: AbortSignal): Promise<void>;
  /** Returns the room taken by the last take() that was not used (there was no work to claim). */
  giveBack(): void;
};

export function createChannelRateLimiter(options: { limit: number; windowMs: number }): ChannelRateLimiter {
  const sentAt: number[] = [];

  function wait(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    });
  }

  return {
    giveBack() {
      sentAt.pop();
    },
    async take(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const now = performance.now();
        while (sentAt.length && sentAt[0] <= now - options.windowMs) sentAt.shift();
        if (sentAt.length < options.limit) {
          sentAt.push(now);
          return;
        }
        await wait(sentAt[0] + options.windowMs - now, signal);
      }
    },
  };
}

/**
 * Resend: `requestsPerSecond` in any second, with a 2% longer window because the provider counts
 * arrivals and the network can bunch requests closer than they left.
 */
export function resendRateLimiter(requestsPerSecond: number): ChannelRateLimiter {
  const limit = Math.max(1, Math.floor(requestsPerSecond));
  return createChannelRateLimiter({ limit, windowMs: (limit / requestsPerSecond) * 1000 * 1.02 });
}

/** X: `postsPer15Minutes` in any 15 minutes. */
export function xRateLimiter(postsPer15Minutes: number): ChannelRateLimiter {
  return createChannelRateLimiter({ limit: postsPer15Minutes, windowMs: 15 * 60_000 });
}
