import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries, incidentUpdates } from '../../db/schema/index';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, publishTestUpdate } from './broadcast-test-data';

let h: BroadcastHarness;
afterEach(async () => h?.close());

async function xDeliveries() {
  return (await h.t.db.select().from(deliveries).where(eq(deliveries.channel, 'x'))).sort(
    (a, b) => (a.payload as { sequence: number }).sequence - (b.payload as { sequence: number }).sequence,
  );
}

describe('X thread', () => {
  it('posts the notice, then each update as a reply to the one before, the resolution last', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    const first = await publishTestUpdate(h.t.db, incident, { body: 'Passport application and collection are unavailable at all offices.' });
    await publishTestUpdate(h.t.db, incident, { status: 'identified', body: 'The cause is a failed storage system.' });
    const last = await publishTestUpdate(h.t.db, incident, { status: 'resolved', body: 'Services are back. Affected applicants have new dates.' });

    expect(await h.worker.drainOnce()).toBe(3);

    const posts = h.x.posts;
    expect(posts).toHaveLength(3);
    expect(posts[0].inReplyTo).toBeNull();
    expect(posts[1].inReplyTo).toBe(posts[0].id);
    expect(posts[2].inReplyTo).toBe(posts[1].id);
    expect(h.x.thread(posts[0].id).map((post) => post.id)).toEqual(posts.map((post) => post.id));
    expect(posts[0].text).toContain(`https://status.example.go.ke/incidents/${incident}/`);
    const rows = await xDeliveries();
    expect(rows.map((row) => [row.state, row.providerId])).toEqual(posts.map((post) => ['sent', post.id]));
    const [firstUpdate] = await h.t.db.select().from(incidentUpdates).where(eq(incidentUpdates.id, first));
    const [lastUpdate] = await h.t.db.select().from(incidentUpdates).where(eq(incidentUpdates.id, last));
    expect(firstUpdate.xPostId).toBe(posts[0].id);
    expect(lastUpdate.xPostId).toBe(posts[2].id);
  });

  it('starts a new thread for an update published after the resolution', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    await publishTestUpdate(h.t.db, incident, { status: 'resolved', body: 'Systems are back.' });
    await publishTestUpdate(h.t.db, incident, { status: 'resolved', body: 'Postmortem: what went wrong and what we changed.' });
    await h.worker.drainOnce();
    expect(h.x.posts.map((post) => post.inReplyTo)).toEqual([null, h.x.posts[0].id, null]);
  });

  it('uses the staff-written x_text when there is one', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Long body.', xText: 'Passport offices are closed today. We are sorry.' });
    await h.worker.drainOnce();
    expect(h.x.posts[0].text).toBe('Passport offices are closed today. We are sorry.');
  });

  it('finds a post whose answer was lost on the account instead of posting it twice', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    await publishTestUpdate(h.t.db, incident, { status: 'monitoring', body: 'A fix is in place; we are watching it.' });
    h.x.faults.push({ kind: 'drop-after-processing' });

    await h.worker.drainOnce();
    const [afterLoss] = await xDeliveries();
    expect(afterLoss.state).toBe('pending');
    expect(afterLoss.lastError).toMatch(/may or may not have been made/);
    expect(h.x.posts).toHaveLength(1);

    h.advance(60 * 60_000);
    await h.worker.drainOnce();
    expect(h.x.posts).toHaveLength(2);
    expect(h.x.posts[1].inReplyTo).toBe(h.x.posts[0].id);
    const rows = await xDeliveries();
    expect(rows.map((row) => row.providerId)).toEqual(h.x.posts.map((post) => post.id));
    expect(rows[0].payload).toMatchObject({ recoveredFromTimeline: true });
  });

  it('recognises its lost post even when X reads it back without the bidi isolates around staff text', async () => {
    h = await createBroadcastHarness({ x: { dropsBidiIsolatesOnRead: true } });
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    h.x.faults.push({ kind: 'drop-after-processing' });

    await h.worker.drainOnce();
    h.advance(60 * 60_000);
    await h.worker.drainOnce();
    expect(h.x.posts).toHaveLength(1);
    expect(h.x.posts[0].text).toContain('\u2068');
    const [row] = await xDeliveries();
    expect(row).toMatchObject({ state: 'sent', providerId: h.x.posts[0].id });
    expect(row.payload).toMatchObject({ recoveredFromTimeline: true });
  });

  it('waits as long as X asks after a 429, then posts', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    const reset = Math.ceil(Date.now() / 1000) + 300;
    h.x.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'x-rate-limit-limit': '100', 'x-rate-limit-remaining': '0', 'x-rate-limit-reset': String(reset) },
      body: { title: 'Too Many Requests', detail: 'Too Many Requests', type: 'about:blank', status: 429 },
    });
    await h.worker.drainOnce();
    const [waiting] = await xDeliveries();
    expect(waiting.state).toBe('pending');
    expect(Date.parse(waiting.nextAttemptAt)).toBeGreaterThanOrEqual(reset * 1000 - 1000);
    expect(await h.worker.drainOnce()).toBe(0);

    h.advance(301_000);
    await h.worker.drainOnce();
    expect(h.x.posts).toHaveLength(1);
  });

  it('gives up after the configured attempts on 5xx, shows it dead and holds the replies back', async () => {
    h = await createBroadcastHarness({ env: { DELIVERY_MAX_ATTEMPTS: '2' } });
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    await publishTestUpdate(h.t.db, incident, { body: 'Still down.' });
    for (let i = 0; i < 2; i += 1) h.x.faults.push({ kind: 'status', status: 503, body: { title: 'Service Unavailable', detail: 'Service Unavailable', type: 'about:blank', status: 503 } });
    await h.worker.drainOnce();
    h.advance(60 * 60_000);
    await h.worker.drainOnce();
    const [root, reply] = await xDeliveries();
    expect(root.state).toBe('dead');
    expect(root.attempts).toBe(2);
    expect(root.lastError).toMatch(/503.*gave up after 2 attempts/);
    expect(reply.state).toBe('pending');
    expect(h.x.posts).toHaveLength(0);
  });

  it('fails loudly when X calls the text a duplicate and the post cannot be identified', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.', xText: 'Passport offices are closed today.' });
    h.x.posts.push(
      { id: '100', text: 'Passport offices are closed today.', inReplyTo: null, conversationId: '100', createdAt: new Date().toISOString() },
      { id: '101', text: 'Something else posted by hand.', inReplyTo: null, conversationId: '101', createdAt: new Date().toISOString() },
    );
    await h.worker.drainOnce();
    const [row] = await xDeliveries();
    expect(row.state).toBe('failed');
    expect(row.lastError).toMatch(/duplicate content.*cannot be confirmed/);
    expect(h.x.posts).toHaveLength(2);
  });

  it('fails a post X refuses for good (401) without retrying it', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    h.x.faults.push({ kind: 'status', status: 401, body: { title: 'Unauthorized', detail: 'Unauthorized', type: 'about:blank', status: 401 } });
    await h.worker.drainOnce();
    h.advance(60 * 60_000);
    await h.worker.drainOnce();
    const [row] = await xDeliveries();
    expect(row.state).toBe('failed');
    expect(row.attempts).toBe(1);
    expect(row.lastError).toMatch(/X answered 401/);
  });

  it('runs dry without credentials and records the thread it would have made', async () => {
    h = await createBroadcastHarness({ dry: { x: true } });
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    await publishTestUpdate(h.t.db, incident, { body: 'Still down.' });
    await h.worker.drainOnce();
    const rows = await xDeliveries();
    expect(h.x.received()).toBe(0);
    expect(rows.map((row) => row.state)).toEqual(['dry_run', 'dry_run']);
    expect(rows[0].providerId).toBe(`dry-run-${rows[0].id}`);
    expect(rows[1].payload).toMatchObject({ inReplyTo: rows[0].providerId, text: expect.stringContaining('Still down.') });
    expect((rows[0].payload as { weightedLength: number }).weightedLength).toBeGreaterThan(0);
  });
});
