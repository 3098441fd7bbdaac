import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';

describe('GET /api/v1/site/status', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('needs a token', async () => {
    expect((await t.request('GET', '/api/v1/site/status')).status).toBe(401);
  });

  it('reports a failed latest build as unhealthy while the last good one is served', async () => {
    t.siteBuildStatus.lastGood = { dir: '/srv/site/builds/1', at: '2026-11-25T08:00:00.000Z' };
    let body = await (await t.request('GET', '/api/v1/site/status', { token: t.tokens.drafter })).json();
    expect(body).toEqual({ building: false, last_good_build: { at: '2026-11-25T08:00:00.000Z' }, last_failure: null, healthy: true });

    t.siteBuildStatus.lastFailure = { error: 'astro build failed: boom', at: '2026-11-25T08:05:00.000Z' };
    body = await (await t.request('GET', '/api/v1/site/status', { token: t.tokens.drafter })).json();
    expect(body).toMatchObject({ healthy: false, last_failure: { error: 'astro build failed: boom' } });

    // A later good build heals it.
    t.siteBuildStatus.lastGood = { dir: '/srv/site/builds/2', at: '2026-11-25T08:06:00.000Z' };
    body = await (await t.request('GET', '/api/v1/site/status', { token: t.tokens.drafter })).json();
    expect(body).toMatchObject({ healthy: true });
  });
});
