import { afterEach, describe, expect, it } from 'vitest';
import { subscribers } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { postSubscribeForm } from './subscriber-flow';

let t: TestContext;
afterEach(() => t?.close());

describe('subscribers in the staff API', () => {
  it('publishers see counts, only admins see addresses', async () => {
    t = await createTestContext();
    await postSubscribeForm(t, [['email', 'a@example.com'], ['language', 'sw']]);
    await postSubscribeForm(t, [['email', 'b@example.com']]);
    await postSubscribeForm(t, [['email', 'c@example.com']]);
    await t.db.update(subscribers).set({ state: 'confirmed' });
    await postSubscribeForm(t, [['email', 'd@example.com']]);

    const summary = await t.request('GET', '/api/v1/subscribers/summary', { token: t.tokens.publisher });
    expect(summary.status).toBe(200);
    const counts = await summary.json();
    expect(counts).toEqual({ pending: 1, confirmed: 3, unsubscribed: 0, by_language: { en: 2, sw: 1 } });
    expect(JSON.stringify(counts)).not.toContain('@');

    expect((await t.request('GET', '/api/v1/subscribers', { token: t.tokens.publisher })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/subscribers/summary', { token: t.tokens.drafter })).status).toBe(403);
    const page = await t.request('GET', '/api/v1/subscribers?limit=2', { token: t.tokens.admin });
    expect(page.status).toBe(200);
    const body = await page.json();
    expect(body.total).toBe(4);
    expect(body.items).toHaveLength(2);
    expect(body.items[0].email).toMatch(/@example\.com$/);
  });
});
