import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { apiTokens, auditLog } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { expectJson, problemFields } from './staff-api-fixtures';

describe('API tokens', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('shows a new secret once, stores only its hash, and the secret works', async () => {
    const created = await expectJson(await t.request('POST', '/api/v1/tokens', { token: t.tokens.admin, json: { name: 'Comms desk', role: 'drafter' } }), 201);
    expect(created).toMatchObject({ name: 'Comms desk', role: 'drafter', last_used_at: null, revoked_at: null });
    expect(created.token).toMatch(/^hali_/);
    expect(created.token.startsWith(`hali_${created.prefix}_`)).toBe(true);

    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row.secretHash).not.toContain(created.token);
    expect(row.secretHash).not.toContain(created.token.split('_').at(-1));
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/);

    const list = await expectJson(await t.request('GET', '/api/v1/tokens', { token: t.tokens.admin }), 200);
    expect(JSON.stringify(list)).not.toContain(created.token);
    const listed = list.items.find((item: { id: string }) => item.id === created.id);
    expect(listed).not.toHaveProperty('token');
    expect(listed).not.toHaveProperty('secret_hash');

    const used = await t.request('GET', '/api/v1/incidents', { token: created.token });
    expect(used.status).toBe(200);
    const afterUse = await expectJson(await t.request('GET', '/api/v1/tokens', { token: t.tokens.admin }), 200);
    const firstUse = t.now.value.toISOString();
    expect(afterUse.items.find((item: { id: string }) => item.id === created.id).last_used_at).toBe(firstUse);

    // Kept to the minute: a use 30 s later writes nothing, one 2 minutes later moves it on.
    const lastUsed = async () =>
      (await expectJson(await t.request('GET', '/api/v1/tokens', { token: t.tokens.admin }), 200)).items.find((item: { id: string }) => item.id === created.id).last_used_at;
    t.now.value = new Date(t.now.value.getTime() + 30_000);
    await t.request('GET', '/api/v1/incidents', { token: created.token });
    expect(await lastUsed()).toBe(firstUse);
    t.now.value = new Date(t.now.value.getTime() + 90_000);
    await t.request('GET', '/api/v1/incidents', { token: created.token });
    expect(await lastUsed()).toBe(t.now.value.toISOString());
  });

  it('revokes a token so its next request is 401, and audits both writes', async () => {
    const created = await expectJson(await t.request('POST', '/api/v1/tokens', { token: t.tokens.admin, json: { name: 'Temp', role: 'publisher' } }), 201);
    expect((await t.request('GET', '/api/v1/components', { token: created.token })).status).toBe(200);

    const revoked = await t.request('DELETE', `/api/v1/tokens/${created.id}`, { token: t.tokens.admin });
    expect(revoked.status).toBe(204);
    const after = await t.request('GET', '/api/v1/components', { token: created.token });
    expect(after.status).toBe(401);
    expect(after.headers.get('content-type')).toContain('application/problem+json');

    expect((await t.request('DELETE', `/api/v1/tokens/${created.id}`, { token: t.tokens.admin })).status).toBe(409);
    expect((await t.request('DELETE', '/api/v1/tokens/nosuchtoken', { token: t.tokens.admin })).status).toBe(404);

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, created.id));
    expect(entries.map((entry) => entry.action).sort()).toEqual(['token.create', 'token.revoke']);
  });

  it('refuses to revoke the last active admin token', async () => {
    const list = await expectJson(await t.request('GET', '/api/v1/tokens', { token: t.tokens.admin }), 200);
    const admin = list.items.find((item: { role: string }) => item.role === 'admin');
    const response = await t.request('DELETE', `/api/v1/tokens/${admin.id}`, { token: t.tokens.admin });
    expect(response.status).toBe(409);
    expect((await t.request('GET', '/api/v1/tokens', { token: t.tokens.admin })).status).toBe(200);
  });

  it('names the bad fields of a token request', async () => {
    const response = await t.request('POST', '/api/v1/tokens', { token: t.tokens.admin, json: { name: '', role: 'owner' } });
    expect(response.status).toBe(400);
    expect((await problemFields(response)).sort()).toEqual(['name', 'role']);
  });

  it('lets only admins manage tokens', async () => {
    for (const token of [t.tokens.drafter, t.tokens.publisher]) {
      expect((await t.request('GET', '/api/v1/tokens', { token })).status).toBe(403);
      expect((await t.request('POST', '/api/v1/tokens', { token, json: { name: 'x', role: 'admin' } })).status).toBe(403);
      expect((await t.request('DELETE', '/api/v1/tokens/anything', { token })).status).toBe(403);
    }
    expect((await t.request('GET', '/api/v1/tokens')).status).toBe(401);
    expect((await t.request('GET', '/api/v1/tokens', { token: 'hali_zzzzzzzz_notarealsecretnotarealsecretnotareal' })).status).toBe(401);
  });
});
