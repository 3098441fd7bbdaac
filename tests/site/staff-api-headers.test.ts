import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';

// Issue 7, item 8: staff API answers carry names and emails, so no cache (browser or shared) may
// keep them, and like the pages they must not be sniffed or framed.
let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
});
afterEach(() => t.close());

function expectStaffHeaders(response: Response, label: string): void {
  expect(response.headers.get('cache-control'), label).toBe('no-store');
  expect(response.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(response.headers.get('referrer-policy'), label).toBe('strict-origin-when-cross-origin');
  expect(response.headers.get('content-security-policy'), label).toContain("frame-ancestors 'none'");
}

describe('headers on the staff API', () => {
  it('says no-store, nosniff and not framable on answers, refusals and errors alike', async () => {
    const listed = await t.request('GET', '/api/v1/incidents', { token: t.tokens.admin });
    expect(listed.status).toBe(200);
    expectSameJsonPolicy(listed);
    expectStaffHeaders(listed, 'list');
    const refused = await t.request('GET', '/api/v1/incidents');
    expect(refused.status).toBe(401);
    expectStaffHeaders(refused, '401');
    const missing = await t.request('GET', '/api/v1/no-such-thing', { token: t.tokens.admin });
    expect(missing.status).toBe(404);
    expectStaffHeaders(missing, '404');
    const document = await t.request('GET', '/api/v1/openapi.json');
    expectStaffHeaders(document, 'openapi.json');
  });

  it('keeps the reference page readable: its inline styles stay allowed, framing does not', async () => {
    const response = await t.request('GET', '/api/v1/reference');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<style>');
    expectStaffHeaders(response, 'reference');
    const csp = response.headers.get('content-security-policy') as string;
    expect(csp).toContain("style-src 'unsafe-inline'");
    expect(csp).toContain("default-src 'none'");
    expect(csp.match(/frame-ancestors/g)).toHaveLength(1);
  });
});

function expectSameJsonPolicy(response: Response): void {
  expect(response.headers.get('content-security-policy')).toBe("default-src 'none'; frame-ancestors 'none'");
}
