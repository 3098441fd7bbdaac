import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { TOTP, Secret } from 'otpauth';
import { staffSessions, users } from '../../db/schema/index';
import { systemActor } from '../../api/auth/actor';
import { createStaffAccount } from '../../api/staff/create-staff-account';
import { sessionAbsoluteMs, sessionIdleMs } from '../../api/staff/staff-sessions';
import { consoleClient, signInToConsole } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

const password = 'correct horse battery staple';
let t: TestContext;
afterEach(() => t?.close());

async function account(role: 'drafter' | 'publisher' | 'admin', email = `${role}@example.go.ke`) {
  return (await createStaffAccount(t.db, { name: `A ${role}`, email, role, password }, { now: t.now.value, actor: systemActor })).account;
}

const codeAt = (secret: string, at: Date) => new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp: at.getTime() });

describe('console sign-in', () => {
  it('shows a form labelled Email and Password with a Sign in button, and signs a person in', async () => {
    t = await createTestContext();
    await account('drafter');
    const form = await consoleClient(t).get('/console/sign-in');
    const html = await form.text();
    expect(html).toMatch(/<label for="email">Email<\/label>/);
    expect(html).toMatch(/<label for="password">Password<\/label>/);
    expect(html).toMatch(/<button type="submit">Sign in<\/button>/);

    const client = await signInToConsole(t, 'Drafter@Example.go.ke ', password);
    const dashboard = await client.get('/console');
    expect(dashboard.status).toBe(200);
    expect(await dashboard.text()).toContain('A drafter (drafter)');
  });

  it('sets the session cookie HttpOnly and SameSite=Strict, Secure with the __Host- prefix behind https', async () => {
    t = await createTestContext({ PUBLIC_URL: 'https://status.example.go.ke' });
    await account('drafter');
    const client = consoleClient(t);
    await client.get('/console/sign-in');
    const response = await client.post('/console/sign-in', { email: 'drafter@example.go.ke', password });
    const cookie = response.headers.getSetCookie().find((line) => line.startsWith('__Host-hali_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/Path=\//);
  });

  it('answers an unknown email exactly as a wrong password, and a locked account the same again', async () => {
    t = await createTestContext();
    await account('drafter');
    const attempt = async (email: string, pass: string) => {
      const client = consoleClient(t);
      await client.get('/console/sign-in');
      const response = await client.post('/console/sign-in', { email, password: pass });
      // The form repeats the typed email and carries a fresh form token; neither says anything about the account.
      const body = (await response.text()).replace(/value="[^"]*"/g, 'value=""');
      return { status: response.status, body };
    };
    const unknown = await attempt('nobody@example.go.ke', password);
    const wrong = await attempt('drafter@example.go.ke', 'not the password at all');
    expect(unknown.status).toBe(401);
    expect(wrong).toEqual(unknown);
    for (let i = 0; i < 5; i++) await attempt('drafter@example.go.ke', 'still not the password');
    const [locked] = await t.db.select().from(users).where(eq(users.email, 'drafter@example.go.ke'));
    expect(locked.lockedUntil).not.toBeNull();
    // Locked: even the right password gets the same answer as an unknown address.
    expect(await attempt('drafter@example.go.ke', password)).toEqual(unknown);
  });

  it('locks an account with growing back-off, then lets the right password in once the lock ends', async () => {
    t = await createTestContext();
    await account('drafter');
    const tryPassword = async (pass: string) => {
      const client = consoleClient(t);
      await client.get('/console/sign-in');
      return (await client.post('/console/sign-in', { email: 'drafter@example.go.ke', password: pass })).status;
    };
    // Failures are spread over time, as a patient attacker would, so the per-address throttle is not what stops them.
    const locks: number[] = [];
    for (let i = 0; i < 7; i++) {
      t.now.value = new Date(t.now.value.getTime() + 61 * 60_000);
      expect(await tryPassword('wrong password number ' + i)).toBe(401);
      const [row] = await t.db.select().from(users).where(eq(users.email, 'drafter@example.go.ke'));
      locks.push(row.lockedUntil ? Date.parse(row.lockedUntil) - t.now.value.getTime() : 0);
    }
    expect(locks.slice(0, 4)).toEqual([0, 0, 0, 0]);
    expect(locks[4]).toBe(60_000);
    expect(locks[5]).toBe(120_000);
    expect(locks[6]).toBe(240_000);
    expect(await tryPassword(password)).toBe(401);
    t.now.value = new Date(t.now.value.getTime() + 240_001);
    expect(await tryPassword(password)).toBe(303);
  });

  it('throttles one address after ten failures with 429 and Retry-After, whatever account it tries', async () => {
    t = await createTestContext();
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const client = consoleClient(t);
    await client.get('/console/sign-in');
    for (let i = 0; i < 10; i++) expect((await client.post('/console/sign-in', { email: `x${i}@example.go.ke`, password: 'guess guess guess' })).status).toBe(401);
    const refused = await client.post('/console/sign-in', { email: 'x@example.go.ke', password: 'guess guess guess' });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('refuses a form post without the form token, or from another origin, and changes nothing', async () => {
    t = await createTestContext();
    await account('drafter');
    const client = await signInToConsole(t, 'drafter@example.go.ke', password);
    const sessionsBefore = await t.db.select().from(staffSessions);
    const forged = await client.post('/console/sign-out-everywhere', { _csrf: 'x'.repeat(32) });
    expect(forged.status).toBe(403);
    const crossSite = await client.post('/console/sign-out-everywhere', {}, { origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    const noOrigin = await client.post('/console/sign-out-everywhere', {}, { origin: null });
    expect(noOrigin.status).toBe(403);
    expect(await t.db.select().from(staffSessions)).toEqual(sessionsBefore);
    expect((await client.get('/console')).status).toBe(200);
    // Sign-in itself is guarded too (login CSRF): no pre-session token, no sign-in.
    const fresh = consoleClient(t);
    const loginForged = await fresh.post('/console/sign-in', { email: 'drafter@example.go.ke', password, _csrf: 'y'.repeat(32) });
    expect(loginForged.status).toBe(403);
  });

  it('ends a session after 30 idle minutes and after 12 hours however active', async () => {
    t = await createTestContext();
    await account('drafter');
    const idle = await signInToConsole(t, 'drafter@example.go.ke', password);
    t.now.value = new Date(t.now.value.getTime() + sessionIdleMs - 1_000);
    expect((await idle.get('/console')).status).toBe(200);
    t.now.value = new Date(t.now.value.getTime() + sessionIdleMs + 1_000);
    const expired = await idle.get('/console');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toBe('/console/sign-in?next=%2Fconsole');

    const busy = await signInToConsole(t, 'drafter@example.go.ke', password);
    const start = t.now.value.getTime();
    for (let at = start; at < start + sessionAbsoluteMs - 20 * 60_000; at += 20 * 60_000) {
      t.now.value = new Date(at);
      expect((await busy.get('/console')).status).toBe(200);
    }
    t.now.value = new Date(start + sessionAbsoluteMs);
    expect((await busy.get('/console')).status).toBe(303);
  });

  it('signs out everywhere: every session of the account ends, another account’s stays', async () => {
    t = await createTestContext();
    await account('drafter');
    await account('publisher');
    const laptop = await signInToConsole(t, 'drafter@example.go.ke', password);
    const phone = await signInToConsole(t, 'drafter@example.go.ke', password);
    const colleague = await signInToConsole(t, 'publisher@example.go.ke', password);
    await laptop.get('/console/account');
    expect((await laptop.post('/console/sign-out-everywhere', {})).status).toBe(303);
    expect((await phone.get('/console')).status).toBe(303);
    expect((await laptop.get('/console')).status).toBe(303);
    expect((await colleague.get('/console')).status).toBe(200);
  });

  it('in production, makes a publisher set up a TOTP code before anything else, then asks for it at every sign-in', async () => {
    t = await createTestContext({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1:4321' });
    await account('publisher');
    const client = consoleClient(t);
    await client.get('/console/sign-in');
    const first = await client.post('/console/sign-in', { email: 'publisher@example.go.ke', password });
    expect(first.headers.get('location')).toBe('/console/sign-in/set-up-code');
    // Half signed in: no console page yet.
    const blocked = await client.get('/console');
    expect(blocked.headers.get('location')).toBe('/console/sign-in/code');
    const setup = await client.get('/console/sign-in/set-up-code');
    const secret = /class="secret">([A-Z2-7]+)</.exec(await setup.text())?.[1];
    expect(secret).toBeDefined();
    expect((await client.post('/console/sign-in/set-up-code', { code: '000000' })).status).toBe(400);
    const enabled = await client.post('/console/sign-in/set-up-code', { code: codeAt(secret!, t.now.value) });
    expect(enabled.headers.get('location')).toBe('/console');
    expect((await client.get('/console')).status).toBe(200);

    t.now.value = new Date(t.now.value.getTime() + 60_000);
    const again = consoleClient(t);
    await again.get('/console/sign-in');
    const second = await again.post('/console/sign-in', { email: 'publisher@example.go.ke', password });
    expect(second.headers.get('location')).toBe('/console/sign-in/code');
    await again.get('/console/sign-in/code');
    expect((await again.post('/console/sign-in/code', { code: '123456' })).status).toBe(401);
    const code = codeAt(secret!, t.now.value);
    expect((await again.post('/console/sign-in/code', { code })).headers.get('location')).toBe('/console');
    expect((await again.get('/console')).status).toBe(200);

    // The same code cannot be used twice.
    const replay = consoleClient(t);
    await replay.get('/console/sign-in');
    await replay.post('/console/sign-in', { email: 'publisher@example.go.ke', password });
    await replay.get('/console/sign-in/code');
    expect((await replay.post('/console/sign-in/code', { code })).status).toBe(401);
  });

  it('does not require a code of a drafter in production, nor of anyone in development', async () => {
    t = await createTestContext({ NODE_ENV: 'production', PUBLIC_URL: 'http://127.0.0.1:4321' });
    await account('drafter');
    await signInToConsole(t, 'drafter@example.go.ke', password);
    t.close();
    t = await createTestContext();
    await account('admin');
    await signInToConsole(t, 'admin@example.go.ke', password);
  });

  it('never redirects after sign-in to another site', async () => {
    t = await createTestContext();
    await account('drafter');
    const client = consoleClient(t);
    await client.get('/console/sign-in?next=//evil.example/console');
    const response = await client.post('/console/sign-in', { email: 'drafter@example.go.ke', password, next: '//evil.example' });
    expect(response.headers.get('location')).toBe('/console');
  });

  it('lets a new person choose a password through the one-time link from POST /api/v1/users, once', async () => {
    t = await createTestContext();
    const created = await t.request('POST', '/api/v1/users', { token: t.tokens.admin, json: { name: 'Amina Otieno', email: 'amina@example.go.ke', role: 'publisher' } });
    expect(created.status).toBe(201);
    const body = (await created.json()) as { password_link: string; has_password: boolean };
    expect(body.has_password).toBe(false);
    const path = new URL(body.password_link).pathname;
    const client = consoleClient(t);
    expect((await client.get(path)).status).toBe(200);
    const weak = await client.post(path, { password: 'short' });
    expect(weak.status).toBe(400);
    expect(await weak.text()).toContain('at least 12 characters');
    expect((await client.post(path, { password: 'a long new passphrase' })).status).toBe(303);
    expect((await consoleClient(t).get(path)).status).toBe(410);
    await signInToConsole(t, 'amina@example.go.ke', 'a long new passphrase');
  });

  it('sends every console page with a strict CSP, no-store and same-origin referrers', async () => {
    t = await createTestContext();
    const response = await consoleClient(t).get('/console/sign-in');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self';/);
    expect(response.headers.get('content-security-policy')).not.toMatch(/unsafe-inline/);
    expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });
});
