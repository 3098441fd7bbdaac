import { Resend } from 'resend';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeResend, type FakeResend } from './resend';

let fake: FakeResend;
afterEach(async () => fake?.close());

const message = (to: string, subject = 'Hello') => ({ from: 'Hali <notices@example.go.ke>', to, subject, text: 'Hi', html: '<p>Hi</p>' });

describe('fake Resend', () => {
  it('replays the first answer for the same key and body, and sends nothing more', async () => {
    fake = await startFakeResend();
    const resend = new Resend('re_test', { baseUrl: fake.url });
    const first = await resend.batch.send([message('a@example.com'), message('b@example.com')], { idempotencyKey: 'batch-1' });
    const again = await resend.batch.send([message('a@example.com'), message('b@example.com')], { idempotencyKey: 'batch-1' });
    expect(first.error).toBeNull();
    expect(again.data).toEqual(first.data);
    expect(fake.emails).toHaveLength(2);
  });

  it('answers 409 when a key comes back with a different body', async () => {
    fake = await startFakeResend();
    const resend = new Resend('re_test', { baseUrl: fake.url });
    await resend.batch.send([message('a@example.com')], { idempotencyKey: 'batch-2' });
    const changed = await resend.batch.send([message('a@example.com', 'Changed')], { idempotencyKey: 'batch-2' });
    expect(changed.error).toMatchObject({ statusCode: 409, name: 'invalid_idempotent_request' });
    expect(fake.emails).toHaveLength(1);
  });

  it('refuses more than 100 messages, missing fields, bad tags and a missing key', async () => {
    fake = await startFakeResend();
    const resend = new Resend('re_test', { baseUrl: fake.url });
    const tooMany = await resend.batch.send(Array.from({ length: 101 }, (_, i) => message(`p${i}@example.com`)));
    expect(tooMany.error).toMatchObject({ statusCode: 422 });
    const missingSubject = await fetch(`${fake.url}/emails/batch`, {
      method: 'POST',
      headers: { Authorization: 'Bearer re_test', 'Content-Type': 'application/json' },
      body: JSON.stringify([{ from: 'a@example.com', to: 'b@example.com' }]),
    });
    expect(missingSubject.status).toBe(422);
    expect((await missingSubject.json()).message).toMatch(/subject/);
    const badTag = await resend.batch.send([{ ...message('a@example.com'), tags: [{ name: 'incident', value: 'has space' }] }]);
    expect(badTag.error).toMatchObject({ statusCode: 422 });
    const anonymous = await fetch(`${fake.url}/emails/batch`, { method: 'POST', body: '[]' });
    expect(anonymous.status).toBe(401);
    expect(fake.emails).toHaveLength(0);
  });

  it('answers 429 with retry-after past its per-second limit', async () => {
    fake = await startFakeResend({ requestsPerSecond: 2 });
    const resend = new Resend('re_test', { baseUrl: fake.url });
    const answers = [];
    for (let i = 0; i < 3; i += 1) answers.push(await resend.batch.send([message(`r${i}@example.com`)]));
    expect(answers[2].error).toMatchObject({ statusCode: 429 });
    expect(answers[2].headers?.['retry-after']).toBe('1');
    expect(fake.emails).toHaveLength(2);
  });

  it('reports the span of the batches it sent and the emails after the first, not counting refused or replayed requests', async () => {
    fake = await startFakeResend({ requestsPerSecond: 4 });
    expect(fake.sentBatchesSpan()).toBeNull();
    const resend = new Resend('re_test', { baseUrl: fake.url });
    const before = performance.now();
    await resend.batch.send([message('s1@example.com'), message('s2@example.com')], { idempotencyKey: 'span-1' });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await resend.batch.send([message('s3@example.com')], { idempotencyKey: 'span-2' });
    await resend.batch.send([message('s3@example.com')], { idempotencyKey: 'span-2' });
    await resend.batch.send([message('s4@example.com'), message('s5@example.com'), message('s6@example.com')]);
    const refused = await resend.batch.send([message('s7@example.com')]);
    expect(refused.error).toMatchObject({ statusCode: 429 });
    const span = fake.sentBatchesSpan();
    expect(span?.emailsAfterFirst).toBe(4);
    expect(span!.first).toBeGreaterThanOrEqual(before);
    expect(span!.last - span!.first).toBeGreaterThanOrEqual(50);
    expect(span!.last).toBeLessThanOrEqual(performance.now());
  });
});
