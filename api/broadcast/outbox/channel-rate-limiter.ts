import { sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { oneAtATime } from '../../one-at-a-time';

/**
 * A provider's rate limit shaped like the provider's own: at most `limit` requests in any
 * `windowMs` (X counts posts per 15 minutes, Resend requests per second), shared by every worker
 * on the database through one row of `rate_limits`, so N workers together stay under it rather
 * than each pacing itself to it. Room is taken at the moment a request goes out, never reserved
 * for later: a worker learns when room opens, sleeps until then and takes it on waking. A worker
 * that wakes late (its event loop was busy) therefore delays only its own request, and the window
 * slides from the time it really went out, instead of losing the room it had reserved (measured
 * before this: 107 late wake-ups, each a lost request, against 204 requests sent). A sliding
 * window (rather than an even spacing) lets a request that went out late be followed at once.
 *
 * The provider counts a request when it arrives, and between taking room and writing the request
 * the process may be busy with other work (another lane's statement, a garbage collection): a
 * request that left 30 ms after its room was taken, followed a window later by one that left at
 * once, meets a full window at the provider and is turned away (traced on a 30,000-email fan-out:
 * both of its 429s came ten requests after one that left 34 and 18 ms late; the median is 5 ms).
 * So a sender reports when the request really went out, and the room moves to that time.
 */
export type ChannelRateLimiter = {
  /** Resolves, with the time of the room taken, when a request may go out; rejects with the signal's reason when aborted. */
  take(signal?: AbortSignal): Promise<number>;
  /** The request given the room taken at `taken` went out at `at`: the room moves there (never earlier). */
  wentOut(taken: number, at: number): Promise<void>;
  /** Returns the room taken by the last take() that was not used (there was no work to claim). */
  giveBack(): Promise<void>;
};

/** Wall-clock milliseconds (shared between processes, unlike performance.now()) and a way to wait. */
export type RateLimitClock = { now: () => number; sleep: (ms: number, signal?: AbortSignal) => Promise<void> };

export type SharedRateLimit = {
  channel: 'resend' | 'x';
  limit: number;
  windowMs: number;
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
 * Takes room at `now` if the window has it, in one statement (SQLite and libSQL run it under the
 * write lock, so two workers never take the same room): a time is added only when fewer than
 * `limit` taken times lie in the window before it. Taken times only grow (a time is never before
 * the newest), so the window is decided by the `limit`-th newest. The row keeps the newest `limit`
 * times and nothing older. Answers the time taken, or null when there was no room.
 */
async function takeRoomNow(db: Database, rule: SharedRateLimit, now: number): Promise<number | null> {
  const [row] = await db.all<{ at: number }>(sql`
    INSERT INTO rate_limits (channel, reserved_at) VALUES (${rule.channel}, json_array(${now}))
    ON CONFLICT (channel) DO UPDATE SET reserved_at = json_insert(
      (SELECT json_group_array(value) FROM (
        SELECT value FROM json_each(rate_limits.reserved_at)
        WHERE key > json_array_length(rate_limits.reserved_at) - ${rule.limit} ORDER BY key)),
      '$[#]', max(${now}, coalesce(json_extract(rate_limits.reserved_at, '$[#-1]'), 0)))
    WHERE json_array_length(rate_limits.reserved_at) < ${rule.limit}
      OR json_extract(rate_limits.reserved_at, '$[#-' || CAST(${rule.limit} AS INTEGER) || ']') + ${rule.windowMs}
        <= max(${now}, coalesce(json_extract(rate_limits.reserved_at, '$[#-1]'), 0))
    RETURNING json_extract(reserved_at, '$[#-1]') AS at`);
  return row ? row.at : null;
}

/** When the window next has room: a window after the `limit`-th newest time taken. */
async function nextRoom(db: Database, rule: SharedRateLimit): Promise<number> {
  const [row] = await db.all<{ at: number | null }>(sql`
    SELECT json_extract(reserved_at, '$[#-' || CAST(${rule.limit} AS INTEGER) || ']') + ${rule.windowMs} AS at
    FROM rate_limits WHERE channel = ${rule.channel}`);
  return row?.at ?? 0;
}

/** Drops one reserved time that was not used; removing a time only ever makes room. */
async function release(db: Database, rule: SharedRateLimit, at: number): Promise<void> {
  await db.run(sql`
    UPDATE rate_limits SET reserved_at = json_remove(reserved_at,
      '$[' || (SELECT key FROM json_each(rate_limits.reserved_at) WHERE value = ${at} ORDER BY key DESC LIMIT 1) || ']')
    WHERE channel = ${rule.channel} AND EXISTS (SELECT 1 FROM json_each(rate_limits.reserved_at) WHERE value = ${at})`);
}

/**
 * Moves one taken time to when its request went out. The times stay in order, so the window is
 * still decided by the `limit`-th newest; a time only moves later, which never makes room.
 */
async function moveLater(db: Database, rule: SharedRateLimit, taken: number, at: number): Promise<void> {
  if (!(at > taken)) return;
  await db.run(sql`
    UPDATE rate_limits SET reserved_at = (SELECT json_group_array(value) FROM (
      SELECT CASE key WHEN (SELECT max(key) FROM json_each(rate_limits.reserved_at) WHERE value = ${taken}) THEN ${at} ELSE value END AS value
      FROM json_each(rate_limits.reserved_at) ORDER BY 1))
    WHERE channel = ${rule.channel} AND EXISTS (SELECT 1 FROM json_each(rate_limits.reserved_at) WHERE value = ${taken})`);
}

export function createSharedRateLimiter(db: Database, rule: SharedRateLimit, clock: RateLimitClock = systemClock): ChannelRateLimiter {
  let lastTaken: number | null = null;
  // The lanes of one process wait in line here, so only the first of them asks the database: when
  // room opened, every waiting lane woke and tried for it, and all but one wrote in vain (measured:
  // 4.6 tries per request sent with four email lanes).
  const inLine = oneAtATime();
  async function takeWhenRoom(signal?: AbortSignal): Promise<number> {
    for (;;) {
      signal?.throwIfAborted();
      // A read first: right after a request went out the window is usually full, and a write that
      // finds no room still commits (half of the limiter's writes did nothing).
      const wait = (await nextRoom(db, rule)) - clock.now();
      if (wait > 0) {
        await clock.sleep(wait, signal);
        continue;
      }
      const taken = await takeRoomNow(db, rule, clock.now());
      if (taken !== null) {
        lastTaken = taken;
        return taken;
      }
      // Another worker took that room first; the next read learns the room after it.
    }
  }
  return {
    take: (signal) => inLine(() => takeWhenRoom(signal)),
    async giveBack() {
      if (lastTaken === null) return;
      const at = lastTaken;
      lastTaken = null;
      await release(db, rule, at);
    },
    wentOut: (taken, at) => moveLater(db, rule, taken, at),
  };
}

/**
 * Resend: `requestsPerSecond` in any second, with a 1% longer window because the provider counts
 * arrivals, and the network (or the provider's own queue) can bunch requests closer than they left.
 */
export function resendRateLimiter(db: Database, requestsPerSecond: number, clock?: RateLimitClock): ChannelRateLimiter {
  const limit = Math.max(1, Math.floor(requestsPerSecond));
  const windowMs = (limit / requestsPerSecond) * 1000;
  // Whole milliseconds, so taken times stay integers and compare exactly.
  return createSharedRateLimiter(db, { channel: 'resend', limit, windowMs: Math.ceil(windowMs * 1.01) }, clock);
}

/** X: `postsPer15Minutes` in any 15 minutes. */
export function xRateLimiter(db: Database, postsPer15Minutes: number, clock?: RateLimitClock): ChannelRateLimiter {
  return createSharedRateLimiter(db, { channel: 'x', limit: postsPer15Minutes, windowMs: 15 * 60_000 }, clock);
}
