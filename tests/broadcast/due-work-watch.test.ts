import { afterEach, describe, expect, it } from 'vitest';
import { dueChannels } from '../../api/broadcast/outbox/due-channels';
import { watchForDueWork } from '../../api/broadcast/outbox/due-work-watch';
import { startDeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { openDatabase, type DatabaseConnection } from '../../db/client';
import { deliveries, type DeliveryChannel } from '../../db/schema/index';
import { recordStatements, type RecordedStatement } from '../support/record-statements';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
  t?.close();
});

/** A connection to the test database that records every statement it runs. */
async function countingConnection(): Promise<{ connection: DatabaseConnection; statements: RecordedStatement[] }> {
  const connection = await openDatabase(t.config.database);
  cleanups.push(() => connection.close());
  return { connection, statements: recordStatements(connection) };
}

async function queue(channel: DeliveryChannel, values: Partial<typeof deliveries.$inferInsert> = {}) {
  const id = `${channel}-${Math.random().toString(36).slice(2)}`;
  await t.db.insert(deliveries).values({ id, channel, recipient: 'someone', idempotencyKey: id, nextAttemptAt: new Date(Date.now() - 1000).toISOString(), ...values });
}

const idleMs = 20;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Waits until `condition` holds (timers run late on a busy machine), failing after 5 s. */
async function eventually(condition: () => boolean): Promise<void> {
  for (const started = Date.now(); !condition(); await sleep(5)) if (Date.now() - started > 5000) throw new Error('still waiting after 5 s');
}

/** Settles `promise` into a flag the test can read without awaiting it. */
function settled(promise: Promise<void>): { done: boolean } {
  const state = { done: false };
  void promise.then(() => (state.done = true));
  return state;
}

describe('idle lanes waiting for work', () => {
  it('ask the database once per pause for all of them, not once per lane', async () => {
    t = await createTestContext();
    const { connection, statements } = await countingConnection();
    const stop = new AbortController();
    const watch = watchForDueWork(connection.db, () => new Date(), idleMs, stop.signal);
    const channels: DeliveryChannel[] = ['x', 'applicant_email', 'applicant_email', 'applicant_email', 'applicant_email', 'subscriber_email', 'webhook', 'webhook'];
    const lanes = channels.map((channel) => settled(watch.untilDue(channel)));

    await sleep(idleMs * 10);

    expect(lanes.every((lane) => !lane.done)).toBe(true);
    // About ten pauses went by; polling alone, eight lanes would have made eighty-odd statements.
    expect(statements.length).toBeGreaterThanOrEqual(1);
    expect(statements.length).toBeLessThanOrEqual(11);
    expect(new Set(statements.map((statement) => statement.sql)).size).toBe(1);
    stop.abort();
    await sleep(0);
    expect(lanes.every((lane) => lane.done)).toBe(true);
  });

  it('wake only the lanes whose channel has work: due, or abandoned under an expired lease', async () => {
    t = await createTestContext();
    const { connection } = await countingConnection();
    const stop = new AbortController();
    cleanups.push(() => stop.abort());
    const watch = watchForDueWork(connection.db, () => new Date(), idleMs, stop.signal);
    const x = settled(watch.untilDue('x'));
    const webhook = settled(watch.untilDue('webhook'));
    const subscriberEmail = settled(watch.untilDue('subscriber_email'));
    const applicantEmail = settled(watch.untilDue('applicant_email'));

    // Not yet due, and in flight under a lease still running: nobody wakes.
    await queue('webhook', { nextAttemptAt: new Date(Date.now() + 60_000).toISOString() });
    await queue('subscriber_email', { state: 'sending', leaseOwner: 'other', leaseExpiresAt: new Date(Date.now() + 60_000).toISOString() });
    await sleep(idleMs * 4);
    expect([x.done, webhook.done, subscriberEmail.done, applicantEmail.done]).toEqual([false, false, false, false]);

    await queue('webhook');
    await queue('subscriber_email', { state: 'sending', leaseOwner: 'crashed', leaseExpiresAt: new Date(Date.now() - 1000).toISOString() });
    await queue('applicant_email', { batchId: 'retrying-batch' });
    await eventually(() => webhook.done && subscriberEmail.done && applicantEmail.done);
    expect([x.done, webhook.done, subscriberEmail.done, applicantEmail.done]).toEqual([false, true, true, true]);
  });

  it('wake a lane with no channel of its own after every pause', async () => {
    t = await createTestContext();
    const { connection, statements } = await countingConnection();
    const stop = new AbortController();
    cleanups.push(() => stop.abort());
    const watch = watchForDueWork(connection.db, () => new Date(), idleMs, stop.signal);
    const own = settled(watch.untilDue(null));
    await eventually(() => own.done);
    // Nobody else waits, so nothing was asked and the watch went quiet.
    const asked = statements.length;
    await sleep(idleMs * 4);
    expect(statements.length).toBe(asked);
  });

  it('answer which channels have work in one statement that seeks the due index', async () => {
    t = await createTestContext();
    await queue('x');
    await queue('webhook', { nextAttemptAt: new Date(Date.now() + 60_000).toISOString() });
    expect(await dueChannels(t.db, ['x', 'webhook', 'applicant_email'], new Date())).toEqual(new Set(['x']));

    const { connection, statements } = await countingConnection();
    await dueChannels(connection.db, ['x', 'webhook'], new Date());
    expect(statements).toHaveLength(1);
    const plan = await connection.client.execute({ sql: `EXPLAIN QUERY PLAN ${statements[0].sql}`, args: ['["x"]', 'a', 'a', 'a'] });
    const reads = plan.rows.map((row) => String(row.detail)).filter((detail) => /\bdeliveries\b| d\b/.test(detail));
    expect(reads).toHaveLength(3);
    for (const read of reads) expect(read).toMatch(/^SEARCH d USING (COVERING )?INDEX deliveries_due \(channel=\? AND state=\?/);
  });

  it('keep an idle worker to about one statement per pause, and still send what comes in', async () => {
    t = await createTestContext();
    const { connection, statements } = await countingConnection();
    const worker = startDeliveryWorker({ config: t.config, db: connection.db }, { idleMs, log: () => {}, channels: { x: null, email: null, webhook: null } });
    cleanups.push(() => void worker.stop());
    // Every lane looks once at start; from then on the lanes wait.
    await sleep(idleMs * 3);
    const afterStart = statements.length;
    await sleep(idleMs * 15);
    // Ten lanes polling alone made about twenty statements per pause (measured in this window: 252–255 with lanes polling alone, 15 with the watch).
    expect(statements.length - afterStart).toBeGreaterThanOrEqual(1);
    expect(statements.length - afterStart).toBeLessThanOrEqual(15 + 3);

    await queue('webhook', { payload: { url: 'https://hooks.example.org/hali', body: '{}' } });
    await eventually(() => statements.some((statement) => /^\s*update "deliveries"/i.test(statement.sql)));
    await worker.stop();
  });
});
