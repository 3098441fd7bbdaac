import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { startDeliveryWorker, type DeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { deliveries } from '../../db/schema/index';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments, publishTestUpdate } from './broadcast-test-data';
import { waitFor } from './worker-process';

let h: BroadcastHarness;
let polling: DeliveryWorker | undefined;
afterEach(async () => {
  await polling?.stop();
  polling = undefined;
  await h?.close();
});

describe('polling worker', () => {
  it('keeps X under its 15-minute limit while emails go on without waiting for it', async () => {
    h = await createBroadcastHarness({ env: { X_POSTS_PER_15_MINUTES: '1' } });
    const lines: string[] = [];
    polling = startDeliveryWorker({ config: h.t.config, db: h.t.db }, { idleMs: 20, log: (line) => lines.push(line) });
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    await publishTestUpdate(h.t.db, incident, { body: 'Still down.' });
    await waitFor('the first post', () => h.x.posts.length === 1, 10_000);

    const moved = await createMovedAppointments(h.t.db, incident, 150);
    await waitFor('every email', () => h.resend.emails.length === 150, 10_000);

    expect(moved.every((appointment) => h.resend.countByRecipient().get(appointment.email) === 1)).toBe(true);
    expect(h.x.posts).toHaveLength(1);
    // The reply waits for X's window; nothing else is left behind.
    const pending = await h.t.db.select().from(deliveries).where(eq(deliveries.state, 'pending'));
    expect(pending.map((row) => [row.channel, (row.payload as { sequence: number }).sequence])).toEqual([['x', 2]]);
    expect(lines.join('\n')).not.toMatch(/@example\.com/);
  });

  it('stops when asked, handing back a batch that was waiting for the rate limit', async () => {
    h = await createBroadcastHarness({ env: { RESEND_RPS: '1' } });
    polling = startDeliveryWorker({ config: h.t.config, db: h.t.db }, { idleMs: 20, log: () => {} });
    const incident = await createIncident(h.t.db);
    await createMovedAppointments(h.t.db, incident, 250);
    // Four lanes claim batches of 100, 100 and 50; whichever is rendered first takes the one request a second.
    await waitFor('the first batch', () => h.resend.emails.length > 0, 10_000);
    await waitFor('the first batch recorded and the next one claimed', async () => {
      const states = (await h.t.db.select({ state: deliveries.state }).from(deliveries)).map((row) => row.state);
      return states.filter((state) => state === 'sent').length === h.resend.emails.length && states.includes('sending');
    }, 10_000);
    await polling.stop();
    polling = undefined;

    const rows = await h.t.db.select().from(deliveries);
    expect(rows.filter((row) => row.state === 'sending')).toEqual([]);
    expect(rows.filter((row) => row.state === 'sent')).toHaveLength(h.resend.emails.length);
    const handedBack = rows.filter((row) => row.state === 'pending' && row.batchId);
    expect(handedBack.length).toBeGreaterThan(0);
    expect(handedBack.every((row) => row.attempts === 0 && row.leaseOwner === null)).toBe(true);
  });
});
