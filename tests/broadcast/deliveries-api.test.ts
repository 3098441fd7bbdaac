import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { auditLog, deliveries } from '../../db/schema/index';
import { expectJson } from '../api/staff-api-fixtures';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments, publishTestUpdate } from './broadcast-test-data';

let h: BroadcastHarness;
afterEach(async () => h?.close());

describe('deliveries API', () => {
  it('lists an incident’s deliveries with counts by state and its X thread, hiding addresses from drafters', async () => {
    h = await createBroadcastHarness({ resend: { rejects: (to) => to.endsWith('@bounce.invalid') } });
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    await publishTestUpdate(h.t.db, incident, { status: 'resolved', body: 'Systems are back.' });
    await createMovedAppointments(h.t.db, incident, 4, { email: (i) => (i === 3 ? 'gone@bounce.invalid' : `applicant${i}@example.com`) });
    await h.worker.drainOnce();
    await h.worker.drainOnce();

    const asDrafter = await expectJson(await h.t.request('GET', `/api/v1/incidents/${incident}/deliveries`, { token: h.t.tokens.drafter }), 200);
    expect(asDrafter.counts).toMatchObject({ sent: 5, failed: 1, pending: 0, dead: 0 });
    expect(asDrafter).toMatchObject({ total: 6, limit: 50, offset: 0 });
    expect(asDrafter.x_thread).toHaveLength(2);
    expect(asDrafter.x_thread[1]).toMatchObject({ in_reply_to: h.x.posts[0].id, post_id: h.x.posts[1].id, state: 'sent' });
    const drafterView = JSON.stringify(asDrafter);
    expect(drafterView).not.toContain('@example.com');
    expect(drafterView).not.toContain('bounce.invalid');
    expect(drafterView).not.toContain('Applicant 1');
    const email = asDrafter.items.find((item: { channel: string }) => item.channel === 'applicant_email');
    expect(email.recipient).toMatch(/^A\d{6}$/);
    expect(email.payload.subject).toBeTruthy();

    // Filters named like the fields they filter; one page of the envelope, counts beside it.
    const emailPage = await expectJson(
      await h.t.request('GET', `/api/v1/incidents/${incident}/deliveries?channel=applicant_email&limit=2&offset=1`, { token: h.t.tokens.publisher }),
      200,
    );
    expect(emailPage).toMatchObject({ total: 4, limit: 2, offset: 1, counts: { sent: 3, failed: 1 } });
    expect(emailPage.items.map((item: { channel: string }) => item.channel)).toEqual(['applicant_email', 'applicant_email']);
    const failedOnly = await expectJson(await h.t.request('GET', `/api/v1/incidents/${incident}/deliveries?state=failed`, { token: h.t.tokens.publisher }), 200);
    expect(failedOnly.items.map((item: { state: string }) => item.state)).toEqual(['failed']);
    expect(failedOnly.total).toBe(1);

    const asPublisher = await expectJson(await h.t.request('GET', `/api/v1/deliveries?incident_id=${incident}&channel=applicant_email&state=sent`, { token: h.t.tokens.publisher }), 200);
    expect(asPublisher).toMatchObject({ total: 3, limit: 50, offset: 0 });
    expect(asPublisher.items).toHaveLength(3);
    expect(asPublisher.items[0].payload.to).toMatch(/@example\.com$/);
    expect(asPublisher.items[0].payload.text).toMatch(/Applicant \d/);
    expect(asPublisher.counts).toMatchObject({ sent: 3, failed: 1 });
  });

  it('re-drives a failed email in a new batch once its address is fixed, audited; drafters may not', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    const [broken] = await createMovedAppointments(h.t.db, incident, 1, { email: () => 'no address' });
    await h.worker.drainOnce();
    const [failed] = await h.t.db.select().from(deliveries).where(eq(deliveries.id, broken.deliveryId));
    expect(failed.state).toBe('failed');

    expect((await h.t.request('POST', `/api/v1/deliveries/${broken.deliveryId}/retry`, { token: h.t.tokens.drafter })).status).toBe(403);
    await h.t.db.run(`UPDATE appointments SET email = 'fixed@example.com' WHERE reference = '${broken.reference}'`);
    const retried = await expectJson(await h.t.request('POST', `/api/v1/deliveries/${broken.deliveryId}/retry`, { token: h.t.tokens.publisher }), 200);
    expect(retried).toEqual({ requeued: 1 });
    await h.worker.drainOnce();

    expect(h.resend.emails.map((sent) => sent.to)).toEqual(['fixed@example.com']);
    const audit = await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'delivery.retry'));
    expect(audit).toHaveLength(1);
    expect(audit[0].targetId).toBe(broken.deliveryId);
    const again = await h.t.request('POST', `/api/v1/deliveries/${broken.deliveryId}/retry`, { token: h.t.tokens.publisher });
    expect(again.status).toBe(409);
    expect((await h.t.request('POST', '/api/v1/deliveries/nope/retry', { token: h.t.tokens.publisher })).status).toBe(404);
  });

  it('re-drives a dead batch whole with its key, so an attempt that did reach Resend is not sent again', async () => {
    h = await createBroadcastHarness({ env: { DELIVERY_MAX_ATTEMPTS: '1' } });
    const incident = await createIncident(h.t.db);
    await publishTestUpdate(h.t.db, incident, { body: 'Systems are down.' });
    const moved = await createMovedAppointments(h.t.db, incident, 3);
    const keys: unknown[] = [];
    h.resend.onRequest = (request) => void keys.push(request.headers['idempotency-key']);
    h.resend.faults.push({ kind: 'drop-after-processing' });
    h.x.faults.push({ kind: 'status', status: 500, body: { title: 'Internal Error', detail: 'boom', type: 'about:blank', status: 500 } });
    await h.worker.drainOnce();
    const dead = await expectJson(await h.t.request('GET', `/api/v1/deliveries?incident_id=${incident}&state=dead`, { token: h.t.tokens.publisher }), 200);
    expect(dead.total).toBe(4);
    const secondDead = await expectJson(await h.t.request('GET', `/api/v1/deliveries?incident_id=${incident}&state=dead&limit=3&offset=3`, { token: h.t.tokens.publisher }), 200);
    expect(secondDead).toMatchObject({ total: 4, limit: 3, offset: 3, counts: { dead: 4 } });
    expect(secondDead.items).toHaveLength(1);

    const retried = await expectJson(await h.t.request('POST', `/api/v1/incidents/${incident}/deliveries/retry`, { token: h.t.tokens.admin }), 200);
    expect(retried).toEqual({ requeued: 4 });
    await h.worker.drainOnce();

    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
    expect(moved.every((appointment) => h.resend.countByRecipient().get(appointment.email) === 1)).toBe(true);
    expect(h.x.posts).toHaveLength(1);
    const after = await expectJson(await h.t.request('GET', `/api/v1/incidents/${incident}/deliveries`, { token: h.t.tokens.publisher }), 200);
    expect(after.counts).toMatchObject({ sent: 4, dead: 0 });
    expect((await h.t.db.select().from(auditLog).where(eq(auditLog.action, 'incident.deliveries.retry')))[0].detail).toEqual({ requeued: 4 });
  });

  it('answers 404 for an unknown incident and 400 for an unknown state', async () => {
    h = await createBroadcastHarness();
    expect((await h.t.request('GET', '/api/v1/incidents/nope/deliveries', { token: h.t.tokens.drafter })).status).toBe(404);
    expect((await h.t.request('GET', '/api/v1/deliveries?state=lost', { token: h.t.tokens.drafter })).status).toBe(400);
    expect((await h.t.request('GET', '/api/v1/deliveries')).status).toBe(401);
  });
});
