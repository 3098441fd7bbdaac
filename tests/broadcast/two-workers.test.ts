import { count, eq, ne } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseConnection } from '../../db/client';
import { deliveries } from '../../db/schema/index';
import { createEmailChannel } from '../../api/broadcast/email/resend-channel';
import { startDeliveryWorker, type DeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { createXChannel } from '../../api/broadcast/x/x-channel';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments, publishTestUpdate } from './broadcast-test-data';
import { createRequestGate, type RequestGate } from './request-gate';

let h: BroadcastHarness;
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await h?.close();
});

/** A worker named `owner` on its own connection to the test database, its requests held by `gate`. */
async function startGatedWorker(owner: string, gate: RequestGate): Promise<DeliveryWorker> {
  const connection: DatabaseConnection = await openDatabase(h.t.config.database);
  const worker = startDeliveryWorker(
    { config: h.t.config, db: connection.db },
    {
      owner,
      poll: false,
      emailConcurrency: 1,
      log: () => {},
      channels: { x: gate.x(owner, createXChannel(h.t.config.x)!), email: gate.email(owner, createEmailChannel(h.t.config.resend)!) },
    },
  );
  cleanups.push(() => connection.close(), () => worker.stop());
  return worker;
}

/** Rows in flight (state sending), per channel and lease owner. */
async function inFlight(): Promise<Record<string, number>> {
  const rows = await h.t.db
    .select({ channel: deliveries.channel, owner: deliveries.leaseOwner, rows: count() })
    .from(deliveries)
    .where(eq(deliveries.state, 'sending'))
    .groupBy(deliveries.channel, deliveries.leaseOwner);
  return Object.fromEntries(rows.map((row) => [`${row.channel}:${row.owner}`, row.rows]));
}

describe('two workers on one database', () => {
  it('share a fan-out without a duplicate, their claims interleaved by the test', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Passport services are down.' });
    await publishTestUpdate(h.t.db, incident, { status: 'resolved', body: 'Passport services are back.' });
    const moved = await createMovedAppointments(h.t.db, incident, 1500);
    const gate = createRequestGate();
    const a = await startGatedWorker('A', gate);
    const b = await startGatedWorker('B', gate);

    // A claims the first post and a batch and is held sending both; B then starts beside it.
    const drainedA = a.drainOnce();
    await gate.next({ worker: 'A', channel: 'x' });
    let batchA = await gate.next({ worker: 'A', channel: 'email' });
    const drainedB = b.drainOnce();
    let batchB = await gate.next({ worker: 'B', channel: 'email' });

    // Four rounds in which each worker holds a batch while the other finishes one and claims the next.
    for (let round = 0; round < 4; round++) {
      // Both hold a batch of their own at once; the account has one post in flight, and the reply
      // waits for it (so neither worker can post it early).
      expect(await inFlight()).toEqual({ 'applicant_email:A': 100, 'applicant_email:B': 100, 'x:A': 1 });
      batchA.release();
      batchA = await gate.next({ worker: 'A', channel: 'email' });
      batchB.release();
      batchB = await gate.next({ worker: 'B', channel: 'email' });
    }
    gate.open();
    const [handledA, handledB] = await Promise.all([drainedA, drainedB]);

    // Each applicant got one email; no batch and no post was requested twice, by either worker.
    const counts = h.resend.countByRecipient();
    expect(moved.filter((appointment) => counts.get(appointment.email) !== 1)).toEqual([]);
    expect(h.resend.emails).toHaveLength(1500);
    const keys = gate.sent.map((request) => request.key);
    expect(new Set(keys).size).toBe(keys.length);
    expect(gate.sent.filter((request) => request.channel === 'email')).toHaveLength(15);
    expect(h.x.posts.map((post) => post.inReplyTo)).toEqual([null, h.x.posts[0].id]);
    const [unsent] = await h.t.db.select({ rows: count() }).from(deliveries).where(ne(deliveries.state, 'sent'));
    expect(unsent.rows).toBe(0);
    // Both did real work: five batches each at least (the rounds above), 1502 deliveries between them.
    expect(handledA + handledB).toBe(1502);
    expect(handledA).toBeGreaterThanOrEqual(500);
    expect(handledB).toBeGreaterThanOrEqual(500);
  });
});
