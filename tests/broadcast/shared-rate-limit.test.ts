import { count, ne } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createSharedRateLimiter, resendRateLimiter, type RateLimitClock } from '../../api/broadcast/outbox/channel-rate-limiter';
import { createEmailChannel } from '../../api/broadcast/email/resend-channel';
import { emailLane } from '../../api/broadcast/outbox/email-lane';
import { openDatabase, type DatabaseConnection } from '../../db/client';
import { deliveries, rateLimits } from '../../db/schema/index';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments } from './broadcast-test-data';
import { spawnWorkerProcess, waitFor } from './worker-process';
import { recordStatements } from '../support/record-statements';

let h: BroadcastHarness;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await h?.close();
});

/** A second (third, …) connection to the test database, as another worker process would open. */
async function connect(): Promise<DatabaseConnection> {
  const connection = await openDatabase(h.t.config.database);
  cleanups.push(() => connection.close());
  return connection;
}

/** A clock that only moves when someone sleeps on it, so the times a limiter grants are exact. */
function steppedClock(): RateLimitClock & { at: () => number } {
  let now = 1_000_000;
  return { now: () => now, at: () => now, sleep: async (ms) => void (now += ms) };
}

/** The most requests inside any `windowMs` (a window is half-open: [t, t + windowMs)). */
function busiestWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  return Math.max(...sorted.map((start) => sorted.filter((t) => t >= start && t < start + windowMs).length));
}

describe('one rate limit shared by every worker on the database', () => {
  it('grants three connections together at most `limit` requests in any window', async () => {
    h = await createBroadcastHarness();
    const clock = steppedClock();
    const rule = { channel: 'resend' as const, limit: 3, windowMs: 1000 };
    const limiters = await Promise.all([connect(), connect(), connect()].map(async (connection) => createSharedRateLimiter((await connection).db, rule, clock)));
    const granted: number[] = [];
    for (let i = 0; i < 12; i++) {
      await limiters[i % 3].take();
      granted.push(clock.at());
    }
    // Three at once, then the next three a window later: the pace of one worker, not three.
    expect(granted.map((t) => t - 1_000_000)).toEqual([0, 0, 0, 1000, 1000, 1000, 2000, 2000, 2000, 3000, 3000, 3000]);
    expect(busiestWindow(granted, 1000)).toBe(3);
  });

  it('lets a worker that wakes late send on waking, without losing the room or crowding the window', async () => {
    h = await createBroadcastHarness();
    // Every sleep ends 50 ms late, as on a busy event loop.
    let now = 1_000_000;
    const lateClock: RateLimitClock = { now: () => now, sleep: async (ms) => void (now += ms + 50) };
    const rule = { channel: 'resend' as const, limit: 3, windowMs: 1000 };
    const [a, b] = [createSharedRateLimiter((await connect()).db, rule, lateClock), createSharedRateLimiter((await connect()).db, rule, lateClock)];
    const granted: number[] = [];
    for (let i = 0; i < 9; i++) {
      await (i % 2 ? b : a).take();
      granted.push(now);
    }
    // Each window starts when its first request really went out; the two after it follow at once.
    expect(granted.map((t) => t - 1_000_000)).toEqual([0, 0, 0, 1050, 1050, 1050, 2100, 2100, 2100]);
    expect(busiestWindow(granted, 1000)).toBe(3);
  });

  it('lets the lanes of one worker wait in line: one sleeps and asks at a time, and no write finds the window full', async () => {
    h = await createBroadcastHarness();
    const connection = await connect();
    const statements = recordStatements(connection);
    let now = 1_000_000;
    let sleeping = 0;
    let mostSleeping = 0;
    // Sleeps really wait (a timer), so the other lanes run meanwhile.
    const clock: RateLimitClock = {
      now: () => now,
      async sleep(ms) {
        mostSleeping = Math.max(mostSleeping, ++sleeping);
        await new Promise((resolve) => setTimeout(resolve, 2));
        now += ms;
        sleeping -= 1;
      },
    };
    const limiter = createSharedRateLimiter(connection.db, { channel: 'resend', limit: 2, windowMs: 1000 }, clock);
    const granted: number[] = [];
    const lane = async () => {
      for (let i = 0; i < 3; i++) {
        await limiter.take();
        granted.push(now - 1_000_000);
      }
    };
    await Promise.all([lane(), lane(), lane(), lane()]);

    expect(granted).toEqual([0, 0, 1000, 1000, 2000, 2000, 3000, 3000, 4000, 4000, 5000, 5000]);
    expect(mostSleeping).toBe(1);
    const writes = statements.filter((statement) => /INSERT INTO rate_limits/.test(statement.sql));
    const reads = statements.filter((statement) => /FROM rate_limits WHERE/.test(statement.sql));
    expect(writes).toHaveLength(12);
    // One read per request, and one more after each of the five sleeps.
    expect(reads).toHaveLength(12 + 5);
  });

  it('gives back room that was taken and not used, to every worker', async () => {
    h = await createBroadcastHarness();
    const clock = steppedClock();
    const rule = { channel: 'x' as const, limit: 2, windowMs: 60_000 };
    const [a, b] = [createSharedRateLimiter((await connect()).db, rule, clock), createSharedRateLimiter((await connect()).db, rule, clock)];
    await a.take();
    await a.take();
    await a.giveBack();
    // B gets the returned room now instead of waiting out the window.
    await b.take();
    expect(clock.at()).toBe(1_000_000);
    await b.take();
    expect(clock.at()).toBe(1_060_000);
  });

  it('counts a request from when it really went out, for every worker, and never earlier than its room', async () => {
    h = await createBroadcastHarness();
    const clock = steppedClock();
    const rule = { channel: 'resend' as const, limit: 2, windowMs: 1000 };
    const [a, b] = [createSharedRateLimiter((await connect()).db, rule, clock), createSharedRateLimiter((await connect()).db, rule, clock)];
    const granted: number[] = [];
    const first = await a.take();
    granted.push(clock.at());
    const second = await a.take();
    granted.push(clock.at());
    expect([first, second]).toEqual([1_000_000, 1_000_000]);
    // The second request was written 30 ms after its room was taken (the process was busy).
    await a.wentOut(second, second + 30);
    // A report of a time before the room changes nothing.
    await a.wentOut(first, first - 500);
    for (let i = 0; i < 4; i++) {
      await b.take();
      granted.push(clock.at());
    }
    // The second window is counted from the first request; the one after it from 30 ms later, as
    // the provider counted them: without the move it would have been 2000 and met a full window.
    expect(granted.map((t) => t - 1_000_000)).toEqual([0, 0, 1000, 1030, 2000, 2030]);
  });

  it('is told by an email lane when each batch request went out, for the room that request took', async () => {
    h = await createBroadcastHarness();
    await createMovedAppointments(h.t.db, await createIncident(h.t.db), 250);
    const arrivals: number[] = [];
    h.resend.onRequest = (request) => void arrivals.push(performance.timeOrigin + request.arrivedAt);
    const limiter = resendRateLimiter(h.t.db, 100);
    const taken: number[] = [];
    const reports: [number, number][] = [];
    const watched = {
      take: async (signal?: AbortSignal) => {
        const at = await limiter.take(signal);
        taken.push(at);
        return at;
      },
      giveBack: () => limiter.giveBack(),
      wentOut: async (room: number, at: number) => {
        reports.push([room, at]);
        await limiter.wentOut(room, at);
      },
    };
    const context = { db: h.t.db, config: h.t.config, now: () => new Date(), owner: 'lane-test', leaseMs: 60_000, signal: new AbortController().signal };
    expect(await emailLane(context, createEmailChannel(h.t.config.resend), watched)()).toBe(250);

    expect(arrivals).toHaveLength(3);
    expect(reports.map(([room]) => room)).toEqual(taken);
    reports.forEach(([room, at], i) => {
      expect(at).toBeGreaterThanOrEqual(room);
      expect(at).toBeLessThanOrEqual(arrivals[i] + 1);
    });
    // The shared row holds the times the requests went out, not the times their rooms were taken.
    const [row] = await h.t.db.select().from(rateLimits);
    expect(JSON.parse(row.reservedAt)).toEqual(reports.map(([, at]) => at).sort((a, b) => a - b));
  });

  it('keeps three worker processes together at RESEND_RPS: paced as one, no duplicate, none missing', async () => {
    const requestsPerSecond = 4;
    // The fake allows one request a second more than RESEND_RPS, so only a real excess is turned
    // away, not a request that reached it a few milliseconds early on a loaded machine.
    h = await createBroadcastHarness({ resend: { requestsPerSecond: requestsPerSecond + 1 } });
    const incident = await createIncident(h.t.db);
    const moved = await createMovedAppointments(h.t.db, incident, 1600);
    const arrivals: number[] = [];
    h.resend.onRequest = (request) => void arrivals.push(request.arrivedAt);
    const env = {
      DATABASE_URL: h.t.databaseUrl,
      RESEND_BASE_URL: h.resend.url,
      RESEND_API_KEY: 're_test_key',
      RESEND_RPS: String(requestsPerSecond),
      PUBLIC_URL: 'https://status.example.go.ke',
      CALENDAR_SIGNING_SECRET: 'calendar-secret-for-tests',
    };
    // Three processes, as three `npm run worker` would run: each alone would pace itself to
    // RESEND_RPS, so together they would send three times too fast without the shared limit.
    // The default lease (a minute): a batch waits its turn for the limit longer than the crash
    // tests' short lease, and an expired lease would hand it to another worker to send again.
    const workers = ['A', 'B', 'C'].map(() => spawnWorkerProcess(env, ['--idle-ms=50']));
    cleanups.push(() => Promise.all(workers.map((worker) => worker.kill())).then(() => undefined));
    const unsent = async () => (await h.t.db.select({ rows: count() }).from(deliveries).where(ne(deliveries.state, 'sent')))[0].rows;
    await waitFor('every email sent', async () => (await unsent()) === 0, 60_000);

    // Exactly once: 16 batches of 100.
    const counts = h.resend.countByRecipient();
    expect(moved.filter((appointment) => counts.get(appointment.email) !== 1)).toEqual([]);
    expect(h.resend.emails).toHaveLength(1600);
    expect(h.resend.batchRequests()).toBe(16);
    // Paced as one sender: 16 requests at 4 a second span at least 3 seconds (a load only slows
    // them further); three workers each pacing alone would send them all within about 1.3 s.
    const sorted = [...arrivals].sort((a, b) => a - b);
    expect(sorted.at(-1)! - sorted[0]).toBeGreaterThanOrEqual(2_900);
    // And the fake turned (almost) nothing away; unshared, it would refuse most of the first seconds.
    expect(h.resend.received() - h.resend.batchRequests()).toBeLessThanOrEqual(2);
  }, 90_000);
});
