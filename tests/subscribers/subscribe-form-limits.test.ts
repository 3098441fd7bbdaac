import { afterEach, describe, expect, it } from 'vitest';
import { deliveries, subscribers } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { postSubscribeForm } from './subscriber-flow';

let t: TestContext;
afterEach(() => t?.close());

async function snapshot(response: Response) {
  const headers = [...response.headers.entries()].filter(([name]) => name !== 'date');
  return { status: response.status, headers, body: await response.text() };
}

describe('the subscribe form', () => {
  it('answers a confirmed, a pending and an unknown address exactly alike', async () => {
    t = await createTestContext();
    await postSubscribeForm(t, [['email', 'known@example.com']]);
    await t.db.update(subscribers).set({ state: 'confirmed' });
    await postSubscribeForm(t, [['email', 'pending@example.com']]);

    const known = await snapshot(await postSubscribeForm(t, [['email', 'known@example.com']]));
    const pending = await snapshot(await postSubscribeForm(t, [['email', 'pending@example.com']]));
    const unknown = await snapshot(await postSubscribeForm(t, [['email', 'nobody@example.com']]));
    expect(known.status).toBe(303);
    expect(unknown).toEqual(known);
    expect(pending).toEqual(known);
    // The confirmed address got no new email; the others one each time they asked.
    const queued = await t.db.select({ recipient: deliveries.recipient }).from(deliveries);
    expect(queued).toHaveLength(4);
  });

  it('limits each address and each client address with 429 and Retry-After, the same for known and unknown addresses', async () => {
    t = await createTestContext();
    for (let i = 0; i < 3; i++) expect((await postSubscribeForm(t, [['email', 'flood@example.com']])).status).toBe(303);
    const limited = await postSubscribeForm(t, [['email', 'FLOOD@example.com']]);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(limited.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await t.db.select().from(deliveries)).toHaveLength(3);

    // Ten requests in ten minutes from one client address, whatever the addresses.
    for (let i = 0; i < 6; i++) expect((await postSubscribeForm(t, [['email', `other${i}@example.com`]])).status).toBe(303);
    const perClient = await postSubscribeForm(t, [['email', 'fresh@example.com']]);
    expect(perClient.status).toBe(429);
    expect(Number(perClient.headers.get('Retry-After'))).toBeGreaterThan(0);

    // The window passes.
    t.now.value = new Date(t.now.value.getTime() + 61 * 60_000);
    expect((await postSubscribeForm(t, [['email', 'flood@example.com']])).status).toBe(303);
  });

  it('refuses a bad address, an unknown component, a large body and another media type, without storing anything', async () => {
    t = await createTestContext();
    const bad = await postSubscribeForm(t, [['email', 'not-an-address']]);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].field).toBe('email');
    expect((await postSubscribeForm(t, [['email', 'a@example.com'], ['components', 'nope']])).status).toBe(400);
    expect((await postSubscribeForm(t, [['email', 'a@example.com'], ['padding', 'x'.repeat(10_000)]])).status).toBe(413);
    const json = await t.app.request('/subscribe', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"email":"a@example.com"}' });
    expect(json.status).toBe(415);
    expect(await t.db.select().from(subscribers)).toHaveLength(0);
  });
});
