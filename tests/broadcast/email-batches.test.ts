import { and, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries } from '../../db/schema/index';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments, storedMessages } from './broadcast-test-data';

let h: BroadcastHarness;
afterEach(async () => h?.close());

async function emailRows() {
  return h.t.db.select().from(deliveries).where(eq(deliveries.channel, 'applicant_email'));
}

/** Idempotency-Key and body of every batch request the fake received. */
function recordBatchRequests(): { key: string | undefined; body: string }[] {
  const seen: { key: string | undefined; body: string }[] = [];
  h.resend.onRequest = (request) => {
    if (request.path === '/emails/batch') seen.push({ key: request.headers['idempotency-key'] as string | undefined, body: request.body.toString('utf8') });
  };
  return seen;
}

describe('applicant emails', () => {
  it('sends one email per move in batches of at most 100, in the applicant’s language', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    const moved = await createMovedAppointments(h.t.db, incident, 250);
    const requests = recordBatchRequests();

    expect(await h.worker.drainOnce()).toBe(250);

    expect(requests).toHaveLength(3);
    expect(requests.map((request) => JSON.parse(request.body).length).sort((a, b) => a - b)).toEqual([50, 100, 100]);
    expect(new Set(requests.map((request) => request.key)).size).toBe(3);
    const counts = h.resend.countByRecipient();
    expect(moved.every((appointment) => counts.get(appointment.email) === 1)).toBe(true);
    expect(h.resend.emails).toHaveLength(250);

    const english = h.resend.emails.find((email) => email.to === 'applicant0@example.com')!;
    const swahili = h.resend.emails.find((email) => email.to === 'applicant1@example.com')!;
    expect(english.subject).toContain('A000000');
    expect(english.text).toMatch(/We are sorry to tell you/);
    expect(swahili.text).toMatch(/Tunasikitika kukujulisha/);
    expect(swahili.html).toContain('lang="sw"');
    expect(english.tags).toEqual(expect.arrayContaining([{ name: 'incident', value: incident }]));
    expect(english.from).toBe(h.t.config.email.from);

    const rows = await emailRows();
    expect(rows.every((row) => row.state === 'sent' && row.batchId && row.providerId)).toBe(true);
    const ids = new Set(h.resend.emails.map((email) => email.id));
    expect(rows.every((row) => ids.has(row.providerId!))).toBe(true);
  });

  it('retries a failed batch with the same Idempotency-Key and the same body', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    const moved = await createMovedAppointments(h.t.db, incident, 5);
    const requests = recordBatchRequests();
    h.resend.faults.push({ kind: 'status', status: 500, body: { statusCode: 500, name: 'internal_server_error', message: 'Unexpected error' } });

    await h.worker.drainOnce();
    expect((await emailRows()).map((row) => row.state)).toEqual(Array(5).fill('pending'));
    h.advance(60 * 60_000);
    await h.worker.drainOnce();

    expect(requests).toHaveLength(2);
    expect(requests[1].key).toBe(requests[0].key);
    expect(requests[1].body).toBe(requests[0].body);
    expect(moved.every((appointment) => h.resend.countByRecipient().get(appointment.email) === 1)).toBe(true);
  });

  it('sends nothing twice when the answer to a sent batch is lost', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await createMovedAppointments(h.t.db, incident, 120);
    h.resend.faults.push({ kind: 'drop-after-processing' });

    await h.worker.drainOnce();
    h.advance(60 * 60_000);
    await h.worker.drainOnce();

    expect(h.resend.emails).toHaveLength(120);
    expect([...h.resend.countByRecipient().values()].every((count) => count === 1)).toBe(true);
    expect((await emailRows()).every((row) => row.state === 'sent')).toBe(true);
  });

  it('honours retry-after on a 429', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await createMovedAppointments(h.t.db, incident, 3);
    h.resend.faults.push({
      kind: 'status',
      status: 429,
      headers: { 'retry-after': '120' },
      body: { statusCode: 429, name: 'rate_limit_exceeded', message: 'Too many requests' },
    });
    const before = Date.now();
    await h.worker.drainOnce();
    const rows = await emailRows();
    expect(rows.every((row) => row.state === 'pending' && Date.parse(row.nextAttemptAt) >= before + 120_000)).toBe(true);
    expect(rows[0].lastError).toMatch(/429/);
    h.advance(121_000);
    await h.worker.drainOnce();
    expect(h.resend.emails).toHaveLength(3);
  });

  it('fails only the address Resend refuses, with Resend’s words, and sends the rest', async () => {
    h = await createBroadcastHarness({ resend: { rejects: (to) => to.endsWith('@bounce.invalid') } });
    const incident = await createIncident(h.t.db);
    const moved = await createMovedAppointments(h.t.db, incident, 6, { email: (i) => (i === 2 ? 'gone@bounce.invalid' : `applicant${i}@example.com`) });
    await h.worker.drainOnce();
    await h.worker.drainOnce();

    const rows = await emailRows();
    const refused = rows.find((row) => row.recipient === moved[2].reference)!;
    expect(refused.state).toBe('failed');
    expect(refused.lastError).toMatch(/422.*Invalid `to` field/);
    expect(refused.lastError).not.toContain('gone@bounce.invalid');
    expect(rows.filter((row) => row.state === 'sent')).toHaveLength(5);
    expect(h.resend.emails.map((email) => email.to).sort()).toEqual(moved.filter((_, i) => i !== 2).map((m) => m.email).sort());
  });

  it('re-drives a refused email without its old message, and sends it rendered anew to the corrected address', async () => {
    h = await createBroadcastHarness({ resend: { rejects: (to) => to.endsWith('@bounce.invalid') } });
    const incident = await createIncident(h.t.db);
    const [moved] = await createMovedAppointments(h.t.db, incident, 1, { email: () => 'gone@bounce.invalid' });
    await h.worker.drainOnce();
    expect((await storedMessages(h.t.db, [moved.deliveryId])).get(moved.deliveryId)).toMatchObject({ to: 'gone@bounce.invalid' });

    await h.t.db.run(`UPDATE appointments SET email = 'found@example.com' WHERE reference = '${moved.reference}'`);
    const retried = await h.t.request('POST', `/api/v1/deliveries/${moved.deliveryId}/retry`, { token: h.t.tokens.publisher });
    expect(retried.status).toBe(200);
    // Waiting again, it shows no message: the one refused is gone, the next is rendered at the claim.
    expect((await storedMessages(h.t.db, [moved.deliveryId])).size).toBe(0);
    await h.worker.drainOnce();

    expect(h.resend.emails.map((email) => email.to)).toEqual(['found@example.com']);
    expect((await storedMessages(h.t.db, [moved.deliveryId])).get(moved.deliveryId)).toMatchObject({ to: 'found@example.com' });
    expect((await emailRows())[0].state).toBe('sent');
  });

  it('fails an address that cannot be an email before anything is sent, naming the reference not the address', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    const moved = await createMovedAppointments(h.t.db, incident, 3, { email: (i) => (i === 0 ? 'not an address' : `applicant${i}@example.com`) });
    await h.worker.drainOnce();
    const [broken] = await h.t.db.select().from(deliveries).where(and(eq(deliveries.recipient, moved[0].reference)));
    expect(broken.state).toBe('failed');
    expect(broken.lastError).toContain(moved[0].reference);
    expect(broken.lastError).not.toContain('not an address');
    expect(h.resend.emails).toHaveLength(2);
  });

  it('fails a batch whose key Resend says was used with another body (409), and retries a 409 for a request still in flight', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await createMovedAppointments(h.t.db, incident, 2);
    h.resend.faults.push({
      kind: 'status',
      status: 409,
      body: { statusCode: 409, name: 'concurrent_idempotent_requests', message: 'Same idempotency key used while original request is still in progress.' },
    });
    await h.worker.drainOnce();
    expect((await emailRows()).map((row) => row.state)).toEqual(['pending', 'pending']);

    h.resend.faults.push({
      kind: 'status',
      status: 409,
      body: { statusCode: 409, name: 'invalid_idempotent_request', message: 'Same idempotency key used with a different request payload.' },
    });
    h.advance(60 * 60_000);
    await h.worker.drainOnce();
    h.advance(2 * 60 * 60_000);
    await h.worker.drainOnce();
    const rows = await emailRows();
    expect(rows.map((row) => row.state)).toEqual(['failed', 'failed']);
    expect(rows[0].lastError).toMatch(/409 \(invalid_idempotent_request\)/);
    expect(h.resend.emails).toHaveLength(0);
  });

  it('marks a batch dead after the configured attempts', async () => {
    h = await createBroadcastHarness({ env: { DELIVERY_MAX_ATTEMPTS: '2' } });
    const incident = await createIncident(h.t.db);
    await createMovedAppointments(h.t.db, incident, 2);
    h.resend.faults.push({ kind: 'drop' }, { kind: 'drop' });
    await h.worker.drainOnce();
    h.advance(60 * 60_000);
    await h.worker.drainOnce();
    const rows = await emailRows();
    expect(rows.map((row) => row.state)).toEqual(['dead', 'dead']);
    expect(rows[0].lastError).toMatch(/gave up after 2 attempts/);
    expect(h.resend.emails).toHaveLength(0);
  });

  it('runs dry without an API key and records every rendered email', async () => {
    h = await createBroadcastHarness({ dry: { email: true } });
    const incident = await createIncident(h.t.db);
    await createMovedAppointments(h.t.db, incident, 3);
    expect(await h.worker.drainOnce()).toBe(3);
    const rows = await emailRows();
    expect(h.resend.received()).toBe(0);
    expect(rows.every((row) => row.state === 'dry_run')).toBe(true);
    const messages = await storedMessages(h.t.db, rows.map((row) => row.id));
    expect(messages.size).toBe(3);
    expect(messages.get(rows[0].id)).toMatchObject({ subject: expect.any(String), html: expect.stringContaining('<html'), text: expect.any(String), to: expect.any(String) });
  });
});
