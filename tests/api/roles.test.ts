import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';

type Role = 'drafter' | 'publisher' | 'admin';
const anyStaff: Role[] = ['drafter', 'publisher', 'admin'];
const publishersAndAdmins: Role[] = ['publisher', 'admin'];
const adminsOnly: Role[] = ['admin'];

/** Every staff route this area serves, with the roles allowed to call it. */
const routes: { method: string; path: string; allowed: Role[]; json?: unknown }[] = [
  { method: 'GET', path: '/api/v1/tokens', allowed: adminsOnly },
  { method: 'POST', path: '/api/v1/tokens', allowed: adminsOnly, json: { name: 'n', role: 'drafter' } },
  { method: 'DELETE', path: '/api/v1/tokens/nosuch', allowed: adminsOnly },
  { method: 'GET', path: '/api/v1/audit', allowed: adminsOnly },
  { method: 'GET', path: '/api/v1/components', allowed: anyStaff },
  { method: 'POST', path: '/api/v1/components', allowed: publishersAndAdmins, json: { name: 'n' } },
  { method: 'GET', path: '/api/v1/components/nosuch', allowed: anyStaff },
  { method: 'PATCH', path: '/api/v1/components/nosuch', allowed: publishersAndAdmins, json: {} },
  { method: 'DELETE', path: '/api/v1/components/nosuch', allowed: publishersAndAdmins },
  { method: 'GET', path: '/api/v1/component-groups', allowed: anyStaff },
  { method: 'POST', path: '/api/v1/component-groups', allowed: publishersAndAdmins, json: { name: 'n' } },
  { method: 'GET', path: '/api/v1/component-groups/nosuch', allowed: anyStaff },
  { method: 'PATCH', path: '/api/v1/component-groups/nosuch', allowed: publishersAndAdmins, json: {} },
  { method: 'DELETE', path: '/api/v1/component-groups/nosuch', allowed: publishersAndAdmins },
  { method: 'GET', path: '/api/v1/incidents', allowed: anyStaff },
  { method: 'POST', path: '/api/v1/incidents', allowed: anyStaff, json: {} },
  { method: 'GET', path: '/api/v1/incidents/nosuch', allowed: anyStaff },
  { method: 'PATCH', path: '/api/v1/incidents/nosuch', allowed: anyStaff, json: {} },
  { method: 'DELETE', path: '/api/v1/incidents/nosuch', allowed: anyStaff },
  { method: 'POST', path: '/api/v1/incidents/nosuch/updates', allowed: anyStaff, json: { status: 'identified', body: 'b' } },
  { method: 'PATCH', path: '/api/v1/incidents/nosuch/updates/nosuch', allowed: anyStaff, json: {} },
  { method: 'POST', path: '/api/v1/incidents/nosuch/updates/nosuch/approve', allowed: publishersAndAdmins },
  { method: 'POST', path: '/api/v1/incidents/nosuch/publish', allowed: publishersAndAdmins, json: {} },
];

describe('who may call what', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('answers 401 without a token or with an unknown one, on every route', async () => {
    for (const route of routes) {
      // A minute apart: more than 10 failed authentications a minute from one client are throttled (429).
      t.now.value = new Date(t.now.value.getTime() + 60_000);
      const none = await t.request(route.method, route.path, { json: route.json });
      expect(none.status, `${route.method} ${route.path} without a token`).toBe(401);
      expect(none.headers.get('content-type')).toContain('application/problem+json');
      const unknown = await t.request(route.method, route.path, { json: route.json, token: 'hali_abcdefgh_thisisnotatokenthisisnotatoken00' });
      expect(unknown.status, `${route.method} ${route.path} with an unknown token`).toBe(401);
    }
  });

  it('answers 403 to roles below the route’s, and lets allowed roles through', async () => {
    for (const route of routes) {
      for (const role of anyStaff) {
        const response = await t.request(route.method, route.path, { json: route.json, token: t.tokens[role] });
        const label = `${route.method} ${route.path} as ${role}`;
        if (route.allowed.includes(role)) expect([401, 403], label).not.toContain(response.status);
        else expect(response.status, label).toBe(403);
      }
    }
  });
});
