import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyWebhookSignature } from '../../api/subscribers/webhooks/webhook-signature';
import { loadConfig, ConfigError } from '../../api/config';
import { deliveries } from '../../db/schema/index';
import { createBroadcastHarness, type BroadcastHarness } from '../broadcast/broadcast-harness';
import { startWebhookReceiver, type WebhookReceiver } from '../subscribers/webhook-receiver';
import { movedByOutage } from './applicant-fixtures';

const secret = 'booking-system-shared-secret-0123456789';
let h: BroadcastHarness;
let receiver: WebhookReceiver;
afterEach(async () => {
  await receiver?.close();
  await h?.close();
});

type ChangesCall = { type: string; items: { reference: string; from: string; to: string; reason: string }[]; next: string };

async function harnessWithBookingSystem() {
  receiver = await startWebhookReceiver();
  h = await createBroadcastHarness({ env: { BOOKING_WEBHOOK_URL: receiver.url, BOOKING_WEBHOOK_SECRET: secret } });
}

describe('the booking system webhook', () => {
  it('POSTs every move once, signed, with the changes feed’s items and cursor', async () => {
    await harnessWithBookingSystem();
    await movedByOutage(h.t);
    await h.worker.drainOnce();
    await h.worker.drainOnce();

    const calls = receiver.calls.filter((call) => (JSON.parse(call.body) as ChangesCall).type === 'appointment.changes');
    expect(calls).toHaveLength(1);
    const [call] = calls;
    expect(verifyWebhookSignature(secret, String(call.headers['x-hali-signature']), call.body)).toBe(true);
    expect(verifyWebhookSignature('another-secret-of-enough-length-000', String(call.headers['x-hali-signature']), call.body)).toBe(false);
    const body = JSON.parse(call.body) as ChangesCall;
    expect(body.items.map((item) => [item.reference, item.from, item.to])).toEqual([
      ['R1', '2026-06-02', '2026-06-04'],
      ['R2', '2026-06-03', '2026-06-04'],
    ]);
    // The cursor is the feed's own: polling from it finds nothing newer.
    const after = await h.t.request('GET', `/api/v1/appointments/changes?after=${body.next}`, { token: h.t.tokens.integration });
    expect(((await after.json()) as { items: unknown[] }).items).toEqual([]);
  });

  it('retries a refused call with the same body until the booking system takes it', async () => {
    await harnessWithBookingSystem();
    receiver.answer = () => ({ status: 503 });
    await movedByOutage(h.t);
    await h.worker.drainOnce();
    expect(receiver.calls).toHaveLength(1);
    const [queued] = await h.t.db.select().from(deliveries).where(eq(deliveries.channel, 'booking_webhook'));
    expect(queued.state).toBe('pending');
    expect(queued.lastError).toContain('503');

    receiver.answer = () => ({ status: 200 });
    h.advance(60 * 60 * 1000);
    await h.worker.drainOnce();
    expect(receiver.calls).toHaveLength(2);
    expect(receiver.calls[1].body).toBe(receiver.calls[0].body);
    const [sent] = await h.t.db.select().from(deliveries).where(eq(deliveries.channel, 'booking_webhook'));
    expect(sent.state).toBe('sent');
    await h.worker.drainOnce();
    expect(receiver.calls).toHaveLength(2);
  });

  it('is off without a URL, and refuses a URL without its secret at start', async () => {
    h = await createBroadcastHarness();
    await movedByOutage(h.t);
    await h.worker.drainOnce();
    expect(await h.t.db.select().from(deliveries).where(eq(deliveries.channel, 'booking_webhook'))).toEqual([]);
    expect(() => loadConfig({ NODE_ENV: 'test', BOOKING_WEBHOOK_URL: 'https://booking.example.go.ke/hali' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', BOOKING_WEBHOOK_URL: 'https://booking.example.go.ke/hali', BOOKING_WEBHOOK_SECRET: 'short' })).toThrow(/at least 24 characters/);
  });
});
