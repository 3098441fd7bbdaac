import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';

/**
 * A provider's rate limit shaped like the provider's own: at most `limit` requests in any
 * `windowMs` (X counts posts per 15 minutes, Resend requests per second), shared by every worker
 * on the database through one row of `rate_limits`, so N workers together stay under it rather
 * than each pacing itself to it. The worker waits for its reserved time before it sends, so it
 * stays under the provider's limit instead of bouncing off it; one that wakes too late gives its
 * time back and reserves again. A sliding window (rather than an
 * even spacing) lets a request that went out late be followed at once, so a busy moment does not
 * cost throughput for good.
 */
export type ChannelRateLimiter = {
  /** Resolves when a request may go out; rejects with the signal's reason when aborted. */
  take(signal?: AbortSignal): Promise<void>;
  /** Returns the room taken by the last take() that was not used (there was no work to claim). */
  giveBack(): Promise<void>;
};

/** Wall-clock milliseconds (shared between processes, unlike performance.now()) and a way to wait. */
export type RateLimitClock = { now: () => number; sleep: (ms: number, signal?: AbortSignal) => Promise<void> };

export type SharedRateLimit = {
  channel: 'resend' | 'x';
  limit: number;
  windowMs: number;
  /**
   * A request that wakes later than this after its reserved time reserves again instead of going
   * out: sent late, it could land in the next window beside requests reserved after it.
   */
  lateMs: number;
};

const systemClock: RateLimitClock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};

/**
 * Reserves the earliest time at or after `now` that keeps at most `limit` requests in any window,
 * in one statement (one round trip; SQLite and libSQL run it under the write lock, so two workers
 * never get the same room). Reserved times only grow, so the room is decided by the newest one
 * and the `limit`-th newest: the new time is the latest of now, the newest, and the `limit`-th
 * newest plus the window. The row keeps the newest `limit` times and nothing older.
 */
async function reserve(db: Database, rule: SharedRateLimit, now: number): Promise<number> {
  const [row] = await db.all<{ at: number }>(sql`
    INSERT INTO rate_limits (channel, reserved_at) VALUES (${rule.channel}, json_array(${now}))
    ON CONFLICT (channel) DO UPDATE SET reserved_at = json_insert(
      (SELECT json_group_array(value) FROM (
        SELECT value FROM json_each(rate_limits.reserved_at)
        WHERE key > json_array_length(rate_limits.reserved_at) - ${rule.limit} ORDER BY key)),
      '$[#]',
      max(${now},
        coalesce(json_extract(rate_limits.reserved_at, '$[#-1]'), 0),
        coalesce(json_extract(rate_limits.reserved_at, '$[#-' || CAST(${rule.limit} AS INTEGER) || ']') + ${rule.windowMs}, 0)))
    RETURNING json_extract(reserved_at, '$[#-1]') AS at`);
  return row.at;
}

/** Drops one reserved time that was not used; removing a time only ever makes room. */
async function release(db: Database, rule: SharedRateLimit, at: number): Promise<void> {
  await db.run(sql`
    UPDATE rate_limits SET reserved_at = json_remove(reserved_at,
      '$[' || (SELECT key FROM json_each(rate_limits.reserved_at) WHERE value = ${at} ORDER BY key DESC LIMIT 1) || ']')
    WHERE channel = ${rule.channel} AND EXISTS (SELECT 1 FROM json_each(rate_limits.reserved_at) WHERE value = ${at})`);
}

export function createSharedRateLimiter(db: Database, rule: SharedRateLimit, clock: RateLimitClock = systemClock): ChannelRateLimiter {
  let lastTaken: number | null = null;
  return {
    async take(signal) {
      for (;;) {
        signal?.throwIfAborted();
        const at = await reserve(db, rule, clock.now());
        const wait = at - clock.now();
        if (wait > 0) await clock.sleep(wait, signal);
        signal?.throwIfAborted();
        if (clock.now() - at <= rule.lateMs) {
          lastTaken = at;
          return;
        }
        // Woke too late (a busy event loop): sent now, it could share a window with the requests
        // reserved after it. Its time goes back unused instead (removing a time only makes room),
        // so the room is not lost: the next reservation, ours or another worker's, takes it.
        await release(db, rule, at);
      }
    },
    async giveBack() {
      if (lastTaken === null) return;
      const at = lastTaken;
      lastTaken = null;
      await release(db, rule, at);
    },
  };
}

/**
 * Resend: `requestsPerSecond` in any second, with a 2% longer window because the provider counts
 * arrivals and the network can bunch requests closer than they left; half of that margin is the
 * lateness a request may have when it wakes.
 */
export function resendRateLimiter(db: Database, requestsPerSecond: number, clock?: RateLimitClock): ChannelRateLimiter {
  const limit = Math.max(1, Math.floor(requestsPerSecond));
  const windowMs = (limit / requestsPerSecond) * 1000;
  // Whole milliseconds, so reserved times stay integers and compare exactly.
  return createSharedRateLimiter(db, { channel: 'resend', limit, windowMs: Math.ceil(windowMs * 1.02), lateMs: Math.floor(windowMs * 0.01) }, clock);
}

/** X: `postsPer15Minutes` in any 15 minutes. */
export function xRateLimiter(db: Database, postsPer15Minutes: number, clock?: RateLimitClock): ChannelRateLimiter {
  return createSharedRateLimiter(db, { channel: 'x', limit: postsPer15Minutes, windowMs: 15 * 60_000, lateMs: 1_000 }, clock);
}
