import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContractMismatch, responseContract, type ResponseContract } from '../support/response-contract';
import { createTestContext, type TestContext } from '../support/test-context';

const json = (body: unknown, status = 200, type = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': `${type}; charset=utf-8` } });
const token = { id: 'p31zjtct2jer', name: 'Comms desk', role: 'drafter', prefix: 'abcd', user_id: 'u-wanjiru', created_at: '2026-11-25T08:00:00.000Z', last_used_at: null, revoked_at: null };

/** The check test-context runs on every answer, fed answers the document does and does not allow. */
describe('the response contract', () => {
  let t: TestContext;
  let contract: ResponseContract;
  beforeAll(async () => {
    t = await createTestContext();
    contract = responseContract(await (await t.app.request('/api/v1/openapi.json')).text());
  });
  afterAll(() => t.close());

  const refusal = async (method: string, url: string, response: Response) => {
    const error = await contract.check(method, url, response).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(ContractMismatch);
    return (error as ContractMismatch).problems.join('\n');
  };

  it('accepts what the document declares', async () => {
    await contract.check('GET', '/api/v1/tokens?limit=5', json({ items: [token], total: 1, limit: 5, offset: 0 }));
    await contract.check('POST', '/api/v1/tokens', json({ ...token, token: 'hali_abcd_secret' }, 201));
    await contract.check('DELETE', '/api/v1/tokens/p31zjtct2jer', new Response(null, { status: 204 }));
    await contract.check('GET', '/api/v1/tokens', json({ title: 'Unauthorized', status: 401, detail: 'Send a token.' }, 401, 'application/problem+json'));
    // Not an operation: nothing declared to hold it to.
    await contract.check('GET', '/api/v1/nothing-here', json({ title: 'Not Found', status: 404 }, 404, 'application/problem+json'));
  });

  it('refuses a status, media type or body the document does not declare', async () => {
    expect(await refusal('GET', '/api/v1/tokens', json({ title: 'Gone', status: 410 }, 410, 'application/problem+json'))).toContain('status 410 is not declared');
    expect(await refusal('GET', '/api/v1/tokens', new Response('items', { status: 200, headers: { 'Content-Type': 'text/plain' } }))).toContain('content type text/plain');
    expect(await refusal('GET', '/api/v1/tokens', new Response('{"items": [', { status: 200, headers: { 'Content-Type': 'application/json' } }))).toContain('is not JSON');
    expect(await refusal('GET', '/api/v1/tokens', json({ items: [{ ...token, role: 'owner' }], total: 1, limit: 50, offset: 0 }))).toContain('/items/0/role');
    expect(await refusal('GET', '/api/v1/tokens', json({ items: [], total: 0 }))).toContain("must have required property 'limit'");
    expect(await refusal('GET', '/api/v1/tokens', json({ items: [], total: '0', limit: 50, offset: 0 }))).toContain('/total must be integer');
  });

  it('refuses a field the document does not name, also in an extended (allOf) schema', async () => {
    expect(await refusal('GET', '/api/v1/tokens', json({ items: [{ ...token, createdAt: token.created_at }], total: 1, limit: 50, offset: 0 }))).toContain('createdAt');
    expect(await refusal('POST', '/api/v1/tokens', json({ ...token, token: 'hali_abcd_secret', secretHash: 'x' }, 201))).toContain('secretHash');
  });
});
