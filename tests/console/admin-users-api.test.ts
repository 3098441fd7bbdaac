import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, users } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

async function accountId(email: string): Promise<string> {
  const [row] = await t.db.select({ id: users.id }).from(users).where(eq(users.email, email));
  return row.id;
}

describe('staff API: PATCH /users/{id}, password links and two-factor reset', () => {
  it('disables an account: its API token stops at once; enabling brings it back', async () => {
    t = await createTestContext();
    const id = await accountId('publisher@test.invalid');
    expect((await t.request('GET', '/api/v1/components', { token: t.tokens.publisher })).status).toBe(200);
    const disabled = await t.request('PATCH', `/api/v1/users/${id}`, { token: t.tokens.admin, json: { disabled: true } });
    expect(disabled.status).toBe(200);
    expect((await disabled.json()).disabled_at).toBe(t.now.value.toISOString());
    expect((await t.request('GET', '/api/v1/components', { token: t.tokens.publisher })).status).toBe(401);
    const enabled = await t.request('PATCH', `/api/v1/users/${id}`, { token: t.tokens.admin, json: { disabled: false } });
    expect((await enabled.json()).disabled_at).toBeNull();
    expect((await t.request('GET', '/api/v1/components', { token: t.tokens.publisher })).status).toBe(200);
    const actions = (await t.db.select().from(auditLog).where(eq(auditLog.targetId, id))).map((row) => row.action);
    expect(actions).toEqual(['user.disable', 'user.enable']);
  });

  it('demoting revokes the account’s tokens above the new role', async () => {
    t = await createTestContext();
    const id = await accountId('publisher@test.invalid');
    const demoted = await t.request('PATCH', `/api/v1/users/${id}`, { token: t.tokens.admin, json: { role: 'drafter' } });
    expect((await demoted.json()).role).toBe('drafter');
    expect((await t.request('GET', '/api/v1/components', { token: t.tokens.publisher })).status).toBe(401);
  });

  it('refuses to disable or demote the last active admin (409), and allows it while another admin is active', async () => {
    t = await createTestContext();
    const admin = await accountId('admin@test.invalid');
    // Only test accounts exist: admin@test.invalid is the one admin.
    for (const json of [{ disabled: true }, { role: 'publisher' as const }]) {
      const refused = await t.request('PATCH', `/api/v1/users/${admin}`, { token: t.tokens.admin, json });
      expect(refused.status).toBe(409);
      expect((await refused.json()).detail).toMatch(/last active admin/);
    }
    const publisher = await accountId('publisher@test.invalid');
    await t.request('PATCH', `/api/v1/users/${publisher}`, { token: t.tokens.admin, json: { role: 'admin' } });
    expect((await t.request('PATCH', `/api/v1/users/${admin}`, { token: t.tokens.admin, json: { role: 'publisher' } })).status).toBe(200);
  });

  it('issues a one-time set-password link, and resets two-factor with an audit entry', async () => {
    t = await createTestContext();
    const id = await accountId('drafter@test.invalid');
    const link = await t.request('POST', `/api/v1/users/${id}/password-link`, { token: t.tokens.admin });
    expect(link.status).toBe(201);
    const url = (await link.json()).password_link as string;
    expect(url).toMatch(new RegExp(`^${t.config.publicUrl}/console/password/[A-Za-z0-9_-]{20,}$`));
    expect((await t.app.request(new URL(url).pathname)).status).toBe(200);

    await t.db.update(users).set({ totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: t.now.value.toISOString() }).where(eq(users.id, id));
    const reset = await t.request('DELETE', `/api/v1/users/${id}/two-factor`, { token: t.tokens.admin });
    expect((await reset.json()).two_factor).toBe(false);
    const [row] = await t.db.select().from(users).where(eq(users.id, id));
    expect([row.totpSecret, row.totpEnabledAt]).toEqual([null, null]);
    const [entry] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'user.two_factor_reset'));
    expect(entry.targetId).toBe(id);
  });

  it('answers 404 for an unknown account and 403 to a publisher', async () => {
    t = await createTestContext();
    expect((await t.request('PATCH', '/api/v1/users/nobody', { token: t.tokens.admin, json: { disabled: true } })).status).toBe(404);
    const id = await accountId('drafter@test.invalid');
    expect((await t.request('PATCH', `/api/v1/users/${id}`, { token: t.tokens.publisher, json: { disabled: true } })).status).toBe(403);
  });
});
