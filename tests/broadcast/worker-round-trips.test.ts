import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from '../../api/broadcast/email/resend-channel';
import { startDeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { openDatabase } from '../../db/client';
import { countRoundTrips } from '../../db/round-trip-counter';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments } from './broadcast-test-data';

const harnesses: BroadcastHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

/** Round trips a worker of its own connection makes to claim, render, send and settle one batch of `emails`. */
async function roundTripsOfOneBatch(emails: number): Promise<number> {
  const h = await createBroadcastHarness({ dry: { x: true } });
  harnesses.push(h);
  await createMovedAppointments(h.t.db, await createIncident(h.t.db), emails);
  const connection = await openDatabase(h.t.config.database);
  const counter = countRoundTrips(connection.client);
  const worker = startDeliveryWorker(
    { config: h.t.config, db: connection.db },
    { poll: false, emailConcurrency: 1, log: () => {}, channels: { x: null, email: createEmailChannel(h.t.config.resend) } },
  );
  await worker.drainOnce();
  const trips = counter.count();
  await worker.stop();
  connection.close();
  expect(h.resend.emails).toHaveLength(emails);
  expect(h.resend.batchRequests()).toBe(1);
  return trips;
}

// On a libSQL server by URL every round trip costs network latency: settling a batch must not
// make more of them because it holds more emails.
describe('round trips of a worker sending one batch', () => {
  it('are as many for 100 emails as for 10, and few', async () => {
    const small = await roundTripsOfOneBatch(10);
    const large = await roundTripsOfOneBatch(100);
    expect(large).toBe(small);
    expect(large).toBeLessThanOrEqual(40);
  });
});
