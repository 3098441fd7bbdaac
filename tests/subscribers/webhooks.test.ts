import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { deliveries, webhooks } from '../../db/schema/index';
import { createWebhookChannel } from '../../api/broadcast/webhook/webhook-channel';
import { verifyWebhookSignature } from '../../api/subscribers/webhooks/webhook-signature';
import { createBroadcastHarness, type BroadcastHarness } from '../broadcast/broadcast-harness';
import { startWebhookReceiver, type WebhookReceiver } from './webhook-receiver';
import { createPublishedIncident, publishUpdateWith } from './webhook-test-data';

let h: BroadcastHarness;
let receiver: WebhookReceiver;
afterEach(async () => {
  await receiver?.close();
  await h?.close();
});

async function registerByStaff(url: string, token = h.t.tokens.publisher) {
  const response = await h.t.request('POST', '/api/v1/webhooks', { token, json: { url } });
  return { response, body: (await response.json()) as { id: string; secret: string; state: string } };
}

const bodies = () => receiver.calls.map((call) => JSON.parse(call.body) as Record<string, Record<string, unknown>>);

describe('webhooks', () => {
  it('a staff-registered webhook gets each update once, in Statuspage format, signed over time and raw body', async () => {
    h = await createBroadcastHarness();
    receiver = await startWebhookReceiver();
    const { response, body: webhook } = await registerByStaff(receiver.url);
    expect(response.status).toBe(201);
    expect(webhook.state).toBe('active');
    expect(webhook.secret).toMatch(/^whsec_/);

    const { incidentId, componentId } = await createPublishedIncident(h.t.db);
    const updateId = await publishUpdateWith(h.t.db, incidentId, { body: 'Printing has stopped.', status: 'investigating', components: { [componentId]: 'major_outage' } });
    await h.worker.drainOnce();
    await h.worker.drainOnce();

    expect(receiver.calls).toHaveLength(2);
    for (const call of receiver.calls) {
      expect(verifyWebhookSignature(webhook.secret, String(call.headers['x-hali-signature']), call.body)).toBe(true);
      expect(verifyWebhookSignature(webhook.secret, String(call.headers['x-hali-signature']), `${call.body} `)).toBe(false);
      expect(call.headers['content-type']).toBe('application/json');
    }
    const incidentCall = bodies().find((body) => 'incident' in body)!;
    expect(incidentCall.meta.unsubscribe).toMatch(/^https:\/\/status\.example\.go\.ke\/webhooks\/unsubscribe\?token=/);
    expect(incidentCall.meta.documentation).toBeTypeOf('string');
    expect(Object.keys(incidentCall.page).sort()).toEqual(['id', 'status_description', 'status_indicator']);
    expect(incidentCall.incident.id).toBe(incidentId);
    expect((incidentCall.incident.incident_updates as { id: string; body: string }[])[0]).toMatchObject({ id: updateId, body: 'Printing has stopped.' });
    const componentCall = bodies().find((body) => 'component_update' in body)!;
    expect(componentCall.component_update).toMatchObject({ component_id: componentId, old_status: 'operational', new_status: 'major_outage' });
    expect(componentCall.component).toMatchObject({ id: componentId, name: 'Passport printing, Nyayo House' });

    // A second update: one more incident call, none repeated.
    await publishUpdateWith(h.t.db, incidentId, { body: 'Printing has resumed.', status: 'resolved' });
    await h.worker.drainOnce();
    expect(receiver.calls).toHaveLength(3);
    expect(new Set(receiver.calls.map((call) => call.headers['x-hali-delivery'])).size).toBe(3);

    // The payload's unsubscribe link removes the webhook.
    const unsubscribe = new URL(String(incidentCall.meta.unsubscribe));
    expect((await h.t.app.request(unsubscribe.pathname + unsubscribe.search, { method: 'POST' })).status).toBe(200);
    expect(await h.t.db.select().from(webhooks)).toHaveLength(0);
  });

  it('a public registration stays pending until its URL echoes the challenge', async () => {
    h = await createBroadcastHarness();
    receiver = await startWebhookReceiver();
    const register = () =>
      h.t.app.request('/webhooks/register', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ url: receiver.url }) });

    receiver.answer = () => ({ status: 200, body: 'ok' });
    const silent = await register();
    expect(silent.status).toBe(202);
    const silentHook = (await silent.json()) as { id: string; secret: string; state: string };
    expect(silentHook.state).toBe('pending');
    await h.worker.drainOnce();
    expect(receiver.calls).toHaveLength(1);
    const challenge = JSON.parse(receiver.calls[0].body) as { type: string; challenge: string };
    expect(challenge.type).toBe('challenge');
    expect(verifyWebhookSignature(silentHook.secret, String(receiver.calls[0].headers['x-hali-signature']), receiver.calls[0].body)).toBe(true);
    expect((await h.t.db.select().from(webhooks).where(eq(webhooks.id, silentHook.id)))[0].state).toBe('pending');

    receiver.answer = (call) => ({ status: 200, body: JSON.stringify({ challenge: (JSON.parse(call.body) as { challenge: string }).challenge }) });
    const echoing = (await (await register()).json()) as { id: string };
    await h.worker.drainOnce();
    expect((await h.t.db.select().from(webhooks).where(eq(webhooks.id, echoing.id)))[0].state).toBe('active');

    const { incidentId } = await createPublishedIncident(h.t.db);
    const before = receiver.calls.length;
    await publishUpdateWith(h.t.db, incidentId, { body: 'Printing has stopped.', status: 'investigating' });
    await h.worker.drainOnce();
    // Only the confirmed webhook is called.
    expect(receiver.calls.length - before).toBe(1);
    expect(await h.t.db.select().from(deliveries).where(eq(deliveries.recipient, silentHook.id))).toHaveLength(1);
  });

  it('is disabled after 10 consecutive failures, with the reason in its JSON', async () => {
    h = await createBroadcastHarness();
    receiver = await startWebhookReceiver();
    receiver.answer = () => ({ status: 500, body: 'down' });
    const { body: webhook } = await registerByStaff(receiver.url);
    const { incidentId } = await createPublishedIncident(h.t.db);
    await publishUpdateWith(h.t.db, incidentId, { body: 'One.', status: 'investigating' });
    await publishUpdateWith(h.t.db, incidentId, { body: 'Two.', status: 'identified' });
    for (let round = 0; round < 30 && receiver.calls.length < 10; round++) {
      await h.worker.drainOnce();
      h.advance(11 * 60_000);
    }
    await h.worker.drainOnce();
    expect(receiver.calls).toHaveLength(10);
    const shown = await h.t.request('GET', `/api/v1/webhooks/${webhook.id}`, { token: h.t.tokens.publisher });
    const json = (await shown.json()) as { state: string; disabled_reason: string; consecutive_failures: number };
    expect(json.state).toBe('disabled');
    expect(json.consecutive_failures).toBe(10);
    expect(json.disabled_reason).toContain('10 consecutive failed deliveries');
    expect(json.disabled_reason).toContain('HTTP 500');
    expect(JSON.stringify(json)).not.toContain(webhook.secret);
    // Nothing more goes to it.
    await publishUpdateWith(h.t.db, incidentId, { body: 'Three.', status: 'monitoring' });
    h.advance(11 * 60_000);
    await h.worker.drainOnce();
    expect(receiver.calls).toHaveLength(10);
  });

  it('refuses loopback and private addresses when the flag is off, also when a name resolves to one', async () => {
    h = await createBroadcastHarness({ env: { WEBHOOK_ALLOW_PRIVATE_ADDRESSES: 'off' } });
    receiver = await startWebhookReceiver();
    for (const url of [receiver.url, 'http://localhost:8080/', 'http://[::1]/', 'http://10.1.2.3/', 'http://169.254.169.254/latest', 'http://[::ffff:127.0.0.1]/', 'ftp://example.com/']) {
      const { response } = await registerByStaff(url);
      expect(response.status, url).toBe(400);
    }
    const channel = createWebhookChannel({ allowPrivateAddresses: false });
    const answer = await channel.post(receiver.url.replace('127.0.0.1', 'localhost'), '{}', {});
    expect(answer.kind).toBe('unreachable');
    expect(receiver.calls).toHaveLength(0);
    expect((await createWebhookChannel({ allowPrivateAddresses: true }).post(receiver.url, '{"challenge":"x"}', {})).kind).toBe('answered');
  });

  it('staff list and remove webhooks; drafters may not', async () => {
    h = await createBroadcastHarness();
    const { body: webhook } = await registerByStaff('https://portal.example.go.ke/hooks/hali', h.t.tokens.admin);
    expect((await h.t.request('GET', '/api/v1/webhooks', { token: h.t.tokens.drafter })).status).toBe(403);
    const list = (await (await h.t.request('GET', '/api/v1/webhooks', { token: h.t.tokens.publisher })).json()) as { items: { id: string }[]; total: number };
    expect(list.total).toBe(1);
    expect(JSON.stringify(list)).not.toContain(webhook.secret);
    expect((await h.t.request('DELETE', `/api/v1/webhooks/${webhook.id}`, { token: h.t.tokens.publisher })).status).toBe(204);
    expect((await h.t.request('GET', `/api/v1/webhooks/${webhook.id}`, { token: h.t.tokens.publisher })).status).toBe(404);
  });
});
