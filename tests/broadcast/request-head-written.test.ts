import { createServer } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel, type EmailMessage } from '../../api/broadcast/email/resend-channel';
import { startFakeResend, type FakeResend } from '../fakes/resend';

let resend: FakeResend | undefined;
afterEach(async () => {
  await resend?.close();
  resend = undefined;
});

const message = (to: string): EmailMessage => ({ from: 'Hali <noreply@example.org>', to, subject: 'Your new appointment', html: '<p>Hello</p>', text: 'Hello', tags: [] });

/** A port on 127.0.0.1 with nobody listening. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// The rate limiter counts a request from when it was written (channel-rate-limiter.ts); the real
// resend SDK, through Node's fetch, against the fake Resend.
describe('when a Resend batch request went out', () => {
  it('is told once per request, for its own key, between the call and the arrival at the provider', async () => {
    resend = await startFakeResend();
    const arrivals = new Map<string, number>();
    resend.onRequest = (request) => void arrivals.set(String(request.headers['idempotency-key']), performance.timeOrigin + request.arrivedAt);
    const channel = createEmailChannel({ apiKey: 're_test', baseUrl: resend.url, requestsPerSecond: 10 })!;
    const left = new Map<string, number[]>();
    const before = Date.now();
    const outcomes = await Promise.all(
      ['hali-batch-a', 'hali-batch-b'].map((key) => channel.sendBatch([message(`${key}@example.com`)], key, (at) => left.set(key, [...(left.get(key) ?? []), at]))),
    );
    expect(outcomes.map((outcome) => outcome.kind)).toEqual(['sent', 'sent']);
    for (const key of ['hali-batch-a', 'hali-batch-b']) {
      expect(left.get(key)).toHaveLength(1);
      const [at] = left.get(key)!;
      expect(at).toBeGreaterThanOrEqual(before);
      // Date.now() and the fake's performance clock may differ by a millisecond of rounding.
      expect(at).toBeLessThanOrEqual(arrivals.get(key)! + 1);
    }
  });

  it('is never told for a request that did not leave, nor after its send is over', async () => {
    const nowhere = createEmailChannel({ apiKey: 're_test', baseUrl: `http://127.0.0.1:${await closedPort()}`, requestsPerSecond: 10 })!;
    const told: number[] = [];
    const outcome = await nowhere.sendBatch([message('a@example.com')], 'hali-batch-c', (at) => told.push(at));
    expect(outcome.kind).toBe('retry');
    // The same key sent again without a listener must not reach the first send's.
    resend = await startFakeResend();
    const channel = createEmailChannel({ apiKey: 're_test', baseUrl: resend.url, requestsPerSecond: 10 })!;
    expect((await channel.sendBatch([message('a@example.com')], 'hali-batch-c')).kind).toBe('sent');
    expect(told).toEqual([]);
  });
});
