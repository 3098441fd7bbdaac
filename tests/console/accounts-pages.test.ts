import { afterEach, describe, expect, it } from 'vitest';
import { and, eq, ne } from 'drizzle-orm';
import { apiTokens, auditLog, users } from '../../db/schema/index';
import { consoleClient, signInAsNew, signInToConsole } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

const linkPattern = /id="one-time-secret"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*id="one-time-secret"/;
const oneTimeValue = (html: string) => {
  const match = linkPattern.exec(html);
  if (!match) throw new Error('no one-time secret on the page');
  return (match[1] ?? match[2]).replaceAll('&amp;', '&');
};

describe('console: accounts (admins)', () => {
  it('is for admins only: a publisher gets the 403 page and cannot add or change anyone', async () => {
    t = await createTestContext();
    const publisher = await signInAsNew(t, 'publisher');
    for (const path of ['/console/accounts', `/console/accounts/${publisher.userId}`]) {
      const page = await publisher.get(path);
      expect(page.status).toBe(403);
      expect(await page.text()).toContain('This page is for admin accounts');
    }
    expect((await publisher.post('/console/accounts', { name: 'Sneaky', email: 'sneaky@example.go.ke', role: 'admin' })).status).toBe(403);
    expect((await publisher.post(`/console/accounts/${publisher.userId}/role`, { role: 'admin' })).status).toBe(403);
    expect(await t.db.select().from(users).where(eq(users.email, 'sneaky@example.go.ke'))).toHaveLength(0);
    expect((await t.db.select().from(users).where(eq(users.id, publisher.userId)))[0].role).toBe('publisher');
  });

  it('adds a person, whose one-time link lets them choose a password and sign in', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const list = await (await admin.get('/console/accounts')).text();
    expect(list).toContain('Console admin');
    const added = await admin.post('/console/accounts', { name: 'Wanjiru Kamau', email: 'Wanjiru.Kamau@immigration.go.ke', role: 'publisher' });
    expect(added.status).toBe(201);
    const html = await added.text();
    expect(html).toContain('Shown once.');
    const link = oneTimeValue(html);
    expect(link.startsWith(`${t.config.publicUrl}/console/password/`)).toBe(true);
    const [person] = await t.db.select().from(users).where(eq(users.email, 'wanjiru.kamau@immigration.go.ke'));
    expect([person.name, person.role, person.passwordHash]).toEqual(['Wanjiru Kamau', 'publisher', null]);
    expect(await t.db.select({ action: auditLog.action, userId: auditLog.userId }).from(auditLog).where(eq(auditLog.targetId, person.id))).toEqual([
      { action: 'user.create', userId: admin.userId },
    ]);
    // The list shows the new person; the link is nowhere but on that one page.
    const after = await (await admin.get('/console/accounts')).text();
    expect(after).toContain('Wanjiru Kamau');
    expect(after).toContain('Active, no password yet');
    expect(after).not.toContain(link);

    const newcomer = consoleClient(t);
    const path = new URL(link).pathname;
    expect((await newcomer.get(path)).status).toBe(200);
    const set = await newcomer.post(path, { password: 'four calm rivers of Nairobi' });
    expect(set.status).toBe(303);
    const signedIn = await signInToConsole(t, 'wanjiru.kamau@immigration.go.ke', 'four calm rivers of Nairobi');
    expect(await (await signedIn.get('/console')).text()).toContain('Wanjiru Kamau (publisher)');
  });

  it('shows refusals beside the fields and keeps what was typed', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const before = (await t.db.select().from(users)).length;
    const blank = await admin.post('/console/accounts', { name: ' ', email: 'not-an-email', role: 'drafter' });
    expect(blank.status).toBe(400);
    const html = await blank.text();
    expect(html).toMatch(/id="name-error">Give the person’s name/);
    expect(html).toMatch(/id="email-error">Give a work email address/);
    expect(html).toContain('value="not-an-email"');
    const taken = await admin.post('/console/accounts', { name: 'Twin', email: 'admin.console@example.go.ke', role: 'drafter' });
    expect(taken.status).toBe(409);
    expect(await taken.text()).toMatch(/id="email-error">An account with the email admin.console@example.go.ke already exists/);
    const badRole = await admin.post('/console/accounts', { name: 'Root', email: 'root@example.go.ke', role: 'root' });
    expect(badRole.status).toBe(400);
    expect(await badRole.text()).toMatch(/id="role-error">Choose one of the roles listed/);
    expect(await t.db.select().from(users)).toHaveLength(before);
  });

  it('disabling a person ends their sessions at once; enabling lets them sign in again', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const drafter = await signInAsNew(t, 'drafter');
    expect((await drafter.get('/console')).status).toBe(200);
    const disabled = await admin.post(`/console/accounts/${drafter.userId}/disable`, {});
    expect(disabled.status).toBe(303);
    expect(await (await admin.get(disabled.headers.get('location') ?? '')).text()).toContain('The account is disabled');
    const bounced = await drafter.get('/console');
    expect(bounced.status).toBe(303);
    expect(bounced.headers.get('location')).toMatch(/^\/console\/sign-in/);
    const retry = consoleClient(t);
    await retry.get('/console/sign-in');
    expect((await retry.post('/console/sign-in', { email: 'drafter.console@example.go.ke', password: 'correct horse battery staple' })).status).toBe(401);

    expect((await admin.post(`/console/accounts/${drafter.userId}/enable`, {})).status).toBe(303);
    await signInToConsole(t, 'drafter.console@example.go.ke', 'correct horse battery staple');
    const actions = await t.db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.targetId, drafter.userId));
    expect(actions.map((a) => a.action)).toEqual(['user.create', 'user.disable', 'user.enable']);
  });

  it('the last admin cannot be demoted or disabled: the reason is shown beside the role', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    // The test context's token accounts include an admin; here the console admin is the only active one.
    await t.db.update(users).set({ disabledAt: t.now.value.toISOString() }).where(and(eq(users.role, 'admin'), ne(users.id, admin.userId)));
    const demote = await admin.post(`/console/accounts/${admin.userId}/role`, { role: 'publisher' });
    expect(demote.status).toBe(409);
    const html = await demote.text();
    expect(html).toMatch(/id="role-error">Console admin is the last active admin; make another account an admin before changing the role of this one/);
    expect(html).toContain('aria-invalid="true"');
    const disable = await admin.post(`/console/accounts/${admin.userId}/disable`, {});
    expect(disable.status).toBe(409);
    expect(await disable.text()).toContain('is the last active admin');
    const [row] = await t.db.select().from(users).where(eq(users.id, admin.userId));
    expect([row.role, row.disabledAt]).toEqual(['admin', null]);

    // With a second admin, the first may step down.
    const second = await signInAsNew(t, 'admin', 'second.admin@example.go.ke');
    expect((await second.post(`/console/accounts/${admin.userId}/role`, { role: 'publisher' })).status).toBe(303);
    expect((await t.db.select().from(users).where(eq(users.id, admin.userId)))[0].role).toBe('publisher');
  });

  it('issues a new set-password link and resets two-factor for a person', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const drafter = await signInAsNew(t, 'drafter');
    await t.db.update(users).set({ totpSecret: 'JBSWY3DPEHPK3PXP', totpEnabledAt: t.now.value.toISOString() }).where(eq(users.id, drafter.userId));
    const page = await (await admin.get(`/console/accounts/${drafter.userId}`)).text();
    expect(page).toContain('Reset two-factor sign-in');
    const issued = await admin.post(`/console/accounts/${drafter.userId}/password-link`, {});
    expect(issued.status).toBe(201);
    const link = oneTimeValue(await issued.text());
    expect((await consoleClient(t).get(new URL(link).pathname)).status).toBe(200);

    expect((await admin.post(`/console/accounts/${drafter.userId}/two-factor`, {})).status).toBe(303);
    const [row] = await t.db.select().from(users).where(eq(users.id, drafter.userId));
    expect([row.totpSecret, row.totpEnabledAt]).toEqual([null, null]);
    expect((await drafter.get('/console')).status).toBe(303);
    expect((await admin.get('/console/accounts/nobody')).status).toBe(404);
  });
});

describe('console: API tokens (admins)', () => {
  it('is for admins only: a publisher gets the 403 page and cannot issue or revoke', async () => {
    t = await createTestContext();
    const publisher = await signInAsNew(t, 'publisher');
    const page = await publisher.get('/console/tokens');
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('This page is for admin accounts');
    const before = await t.db.select().from(apiTokens);
    expect((await publisher.post('/console/tokens', { name: 'Mine', role: 'publisher', user_id: publisher.userId })).status).toBe(403);
    expect((await publisher.post(`/console/tokens/${before[0].id}/revoke`, {})).status).toBe(403);
    const after = await t.db.select().from(apiTokens);
    expect(after.map((tk) => [tk.id, tk.revokedAt])).toEqual(before.map((tk) => [tk.id, tk.revokedAt]));
  });

  it('shows a new token’s secret once; it works against /api/v1 until it is revoked after a confirmation', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const issued = await admin.post('/console/tokens', { name: 'Comms desk: Wanjiru', role: 'admin', user_id: admin.userId });
    expect(issued.status).toBe(201);
    const html = await issued.text();
    expect(html).toContain('Shown once.');
    const secret = oneTimeValue(html);
    expect(secret).toMatch(/^hali_[a-z0-9]{8}_/);
    const [token] = await t.db.select().from(apiTokens).where(eq(apiTokens.name, 'Comms desk: Wanjiru'));
    expect([token.role, token.userId]).toEqual(['admin', admin.userId]);

    const call = () => t.app.request('/api/v1/users', { headers: { Authorization: `Bearer ${secret}` } });
    expect((await call()).status).toBe(200);
    const list = await (await admin.get('/console/tokens')).text();
    expect(list).toContain('Comms desk: Wanjiru');
    expect(list).not.toContain(secret);
    expect(list).toContain(`href="/console/tokens/${token.id}/revoke"`);

    const confirm = await admin.get(`/console/tokens/${token.id}/revoke`);
    expect(await confirm.text()).toContain('Revoke the token');
    expect((await call()).status).toBe(200);
    const revoked = await admin.post(`/console/tokens/${token.id}/revoke`, {});
    expect(revoked.status).toBe(303);
    expect(await (await admin.get(revoked.headers.get('location') ?? '')).text()).toContain('The token was revoked');
    expect((await call()).status).toBe(401);
    const again = await admin.post(`/console/tokens/${token.id}/revoke`, {});
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('This token was already revoked');
    const actions = await t.db.select({ action: auditLog.action, userId: auditLog.userId }).from(auditLog).where(eq(auditLog.targetId, token.id));
    expect(actions).toEqual([
      { action: 'token.create', userId: admin.userId },
      { action: 'token.revoke', userId: admin.userId },
    ]);
  });

  it('refuses a token above its owner’s role, or without a name, beside the field', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const drafter = await signInAsNew(t, 'drafter');
    const before = (await t.db.select().from(apiTokens)).length;
    const above = await admin.post('/console/tokens', { name: 'Too high', role: 'publisher', user_id: drafter.userId });
    expect(above.status).toBe(400);
    const html = await above.text();
    expect(html).toMatch(/id="role-error">At most the account’s own role \(drafter\)/);
    expect(html).toContain('value="Too high"');
    const unnamed = await admin.post('/console/tokens', { name: '  ', role: 'drafter', user_id: drafter.userId });
    expect(unnamed.status).toBe(400);
    expect(await unnamed.text()).toMatch(/id="name-error">Give a name of 1 to 100 characters/);
    const nobody = await admin.post('/console/tokens', { name: 'Ghost', role: 'drafter', user_id: 'nobody' });
    expect(nobody.status).toBe(400);
    expect(await nobody.text()).toMatch(/id="user_id-error">Choose an active account/);
    expect(await t.db.select().from(apiTokens)).toHaveLength(before);
  });
});
