import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFailedAuthThrottle } from '../../api/auth/failed-auth-throttle';
import { startServer } from '../../api/server';
import { createTestContext, type TestContext } from '../support/test-context';

const attacker = '203.0.113.7';
const colleague = '198.51.100.20';
const wrongToken = 'hali_zzzzzzzz_notarealsecretnotarealsecretnotareal';

describe('failed authentication', () => {
  let t: TestContext;
  let warnings: string[];
  beforeEach(async () => {
    t = await createTestContext();
    warnings = [];
    vi.spyOn(console, 'warn').mockImplementation((line: string) => void warnings.push(line));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    t.close();
  });

  const from = (address: string, token: string) =>
    t.app.request('/api/v1/incidents', { headers: { Authorization: `Bearer ${token}` } }, { incoming: { socket: { remoteAddress: address } } });

  it('logs each failure in one line (time, address, reason; never the token)', async () => {
    expect((await from(attacker, wrongToken)).status).toBe(401);
    const malformed = await t.app.request('/api/v1/incidents', { headers: { Authorization: 'Basic abc' } }, { incoming: { socket: { remoteAddress: attacker } } });
    expect(malformed.status).toBe(401);
    expect(warnings).toEqual([
      `${t.now.value.toISOString()} failed authentication from ${attacker}: unknown or revoked token`,
      `${t.now.value.toISOString()} failed authentication from ${attacker}: Authorization is not "Bearer <token>"`,
    ]);
    expect(warnings.join('\n')).not.toContain('notarealsecret');
    expect(warnings.join('\n')).not.toContain('zzzzzzzz');
  });

  it('answers 429 with Retry-After after 10 failures in a minute from one address, and only to it', async () => {
    for (let attempt = 1; attempt <= 10; attempt++) expect((await from(attacker, wrongToken)).status).toBe(401);
    const throttled = await from(attacker, wrongToken);
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(throttled.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    // Even a right token waits: otherwise guessing could go on.
    expect((await from(attacker, t.tokens.admin)).status).toBe(429);
    expect((await from(colleague, t.tokens.drafter)).status).toBe(200);

    t.now.value = new Date(t.now.value.getTime() + retryAfter * 1000);
    expect((await from(attacker, t.tokens.admin)).status).toBe(200);
  });

  it('keys on the connecting socket under the real server', async () => {
    const siteDir = mkdtempSync(join(tmpdir(), 'hali-site-'));
    const server = await startServer({ app: t.app, siteDir, host: '127.0.0.1', port: 0 });
    try {
      const statuses: number[] = [];
      for (let attempt = 1; attempt <= 11; attempt++) {
        statuses.push((await fetch(`${server.url}/api/v1/incidents`, { headers: { Authorization: `Bearer ${wrongToken}` } })).status);
      }
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      expect(warnings[0]).toContain('failed authentication from 127.0.0.1:');
      // app.request() has no socket: its requests are another client.
      expect((await t.request('GET', '/api/v1/incidents', { token: t.tokens.drafter })).status).toBe(200);
    } finally {
      await server.close();
      rmSync(siteDir, { recursive: true, force: true });
    }
  });
});

describe('the failed-authentication throttle', () => {
  it('tracks a bounded number of addresses, forgetting the least recently failed first', () => {
    const throttle = createFailedAuthThrottle({ maxTrackedAddresses: 1_000 });
    const now = new Date('2026-11-25T08:00:00Z');
    for (let attempt = 0; attempt < 10; attempt++) throttle.recordFailure(attacker, now);
    for (let i = 0; i < 999; i++) throttle.recordFailure(`10.0.${i >> 8}.${i & 255}`, now);
    expect(throttle.retryAfterSeconds(attacker, now)).toBe(60);

    for (let i = 0; i < 50_000; i++) throttle.recordFailure(`10.1.${i >> 8}.${i & 255}`, now);
    expect(throttle.trackedAddresses()).toBe(1_000);
  });

  it('forgets an address a minute after its first failure', () => {
    const throttle = createFailedAuthThrottle();
    const start = new Date('2026-11-25T08:00:00Z');
    for (let attempt = 0; attempt < 10; attempt++) throttle.recordFailure(attacker, new Date(start.getTime() + attempt * 1000));
    expect(throttle.retryAfterSeconds(attacker, new Date(start.getTime() + 30_000))).toBe(30);
    expect(throttle.retryAfterSeconds(attacker, new Date(start.getTime() + 60_000))).toBeNull();
    expect(throttle.trackedAddresses()).toBe(0);
  });
});
