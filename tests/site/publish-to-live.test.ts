import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../api/app';
import { createAccountWithToken } from '../../api/staff/account-with-token';
import { startServer, type RunningServer } from '../../api/server';
import { createSiteBuilder, type SiteBuilder } from '../../api/site/build/site-builder';
import { createTestContext, type TestContext } from '../support/test-context';
import { insertComponent } from './insert-published-data';

// The whole path a notice takes to the public: staff API → publish → rebuild → served page.
let t: TestContext;
let builder: SiteBuilder;
let server: RunningServer;
let tokens: { drafter: string; publisher: string };

const api = (path: string, token: string, json?: unknown) =>
  fetch(`${server.url}/api/v1${path}`, {
    method: json === undefined ? 'GET' : 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
const page = async (path: string) => (await fetch(`${server.url}${path}`)).text();

beforeAll(async () => {
  t = await createTestContext();
  await insertComponent(t.db, { id: 'cmp-nyh-app', name: 'Passport application receiving' });
  builder = createSiteBuilder(t.config, t.db, { log: () => {} });
  const app = createApp({ config: t.config, db: t.db, now: () => new Date(), siteBuilds: builder });
  tokens = {
    drafter: (await createAccountWithToken(t.db, { name: 'site drafter', email: 'site-drafter@test.invalid', role: 'drafter' }, new Date())).secret,
    publisher: (await createAccountWithToken(t.db, { name: 'site publisher', email: 'site-publisher@test.invalid', role: 'publisher' }, new Date())).secret,
  };
  await builder.buildNow('start');
  server = await startServer({ app, siteDir: t.config.site.dir, host: '127.0.0.1', port: 0 });
}, 120_000);
afterAll(async () => {
  await server?.close();
  builder?.close();
  t?.close();
});

describe('publishing through the staff API', () => {
  it('puts the notice on the served page once published, and never a draft', async () => {
    const created = await api('/incidents', tokens.drafter, {
      name: 'Passport printing stopped',
      impact: 'major',
      status: 'investigating',
      body: 'Applications cannot be received at Nyayo House today; we apologise.',
      components: { 'cmp-nyh-app': 'major_outage' },
    });
    expect(created.status).toBe(201);
    const { id, updates } = (await created.json()) as { id: string; updates: { revision: string }[] };
    await builder.buildNow('after draft');
    expect(await page('/')).not.toContain('Passport printing stopped');
    expect(await page('/api/v2/incidents.json')).not.toContain(id);

    expect((await api(`/incidents/${id}/publish`, tokens.publisher, { revision: updates[0].revision })).status).toBe(200);
    await builder.whenIdle();
    const home = await page('/');
    expect(home).toContain('Applications cannot be received at Nyayo House today; we apologise.');
    expect(home).toContain('<span class="st st-major_outage">Major outage</span>');
    expect(await page(`/incidents/${id}/`)).toContain('Passport printing stopped');
    const summary = JSON.parse(await page('/api/v2/summary.json'));
    expect(summary.incidents.map((i: { id: string }) => i.id)).toEqual([id]);

    const drafted = await api(`/incidents/${id}/updates`, tokens.drafter, { status: 'identified', body: 'SECOND-DRAFT-NOT-PUBLIC' });
    expect(drafted.status).toBe(201);
    await builder.buildNow('after second draft');
    for (const path of ['/', '/sw/', `/incidents/${id}/`, '/history/', '/history.atom', '/api/v2/summary.json', '/api/v2/incidents.json']) {
      expect(await page(path), path).not.toContain('SECOND-DRAFT-NOT-PUBLIC');
    }
  });
});
