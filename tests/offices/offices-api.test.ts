import { desc } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addAppointments } from '../appointments/appointment-fixtures';

const nyayo = {
  code: 'NYH',
  name: 'Nyayo House, Nairobi',
  address: 'Kenyatta Avenue',
  capacity: { application: [3, 3, 3, 3, 2, 0, 0], collection: [4, 4, 4, 4, 4, 0, 0] },
};

describe('the offices API', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const lastAudit = async () => (await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1))[0];

  it('creates, reads, changes and deletes an office, auditing each write', async () => {
    const created = await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: nyayo });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ ...nyayo, nearby_office: null, overrides: [] });
    expect(await lastAudit()).toMatchObject({ action: 'office.create', targetId: 'NYH' });

    const patched = await t.request('PATCH', '/api/v1/offices/NYH', { token: t.tokens.admin, json: { capacity: { collection: [6, 6, 6, 6, 6, 0, 0] } } });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as typeof nyayo).capacity).toEqual({ application: nyayo.capacity.application, collection: [6, 6, 6, 6, 6, 0, 0] });
    expect(await lastAudit()).toMatchObject({ action: 'office.update' });

    const listed = await t.request('GET', '/api/v1/offices', { token: t.tokens.drafter });
    expect(await listed.json()).toMatchObject({ items: [{ code: 'NYH' }], total: 1, limit: 50, offset: 0 });

    expect((await t.request('DELETE', '/api/v1/offices/NYH', { token: t.tokens.publisher })).status).toBe(204);
    expect((await t.request('GET', '/api/v1/offices/NYH', { token: t.tokens.drafter })).status).toBe(404);
    expect(await lastAudit()).toMatchObject({ action: 'office.delete' });
  });

  it('lets drafters read but not write', async () => {
    expect((await t.request('POST', '/api/v1/offices', { token: t.tokens.drafter, json: nyayo })).status).toBe(403);
    await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: nyayo });
    expect((await t.request('GET', '/api/v1/offices/NYH', { token: t.tokens.drafter })).status).toBe(200);
    expect((await t.request('PUT', '/api/v1/offices/NYH/overrides/2026-06-06/application', { token: t.tokens.drafter, json: { capacity: 5 } })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/offices')).status).toBe(401);
  });

  it('refuses weekend capacity, a duplicate code and deleting an office with appointments', async () => {
    const weekend = await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: { ...nyayo, capacity: { ...nyayo.capacity, application: [3, 3, 3, 3, 3, 9, 0] } } });
    expect(weekend.status).toBe(400);
    expect(((await weekend.json()) as { detail: string }).detail).toMatch(/weekends are closed unless a date override/);
    await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: nyayo });
    expect((await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: nyayo })).status).toBe(409);
    await addAppointments(t.db, [{ reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' }]);
    const refused = await t.request('DELETE', '/api/v1/offices/NYH', { token: t.tokens.publisher });
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
  });

  it('sets and clears overrides, and the calendar shows open days, capacity and bookings', async () => {
    await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: nyayo });
    const surge = await t.request('PUT', '/api/v1/offices/NYH/overrides/2026-06-06/application', {
      token: t.tokens.publisher,
      json: { capacity: 20, note: 'Saturday opening' },
    });
    expect(surge.status).toBe(200);
    expect(((await surge.json()) as typeof nyayo & { overrides: unknown[] }).overrides).toEqual([
      { date: '2026-06-06', service: 'application', capacity: 20, note: 'Saturday opening' },
    ]);
    expect(await lastAudit()).toMatchObject({ action: 'office.override.set', detail: { date: '2026-06-06', service: 'application', capacity: 20 } });
    await addAppointments(t.db, [
      { reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'R2', office: 'NYH', service: 'application', date: '2026-06-02' },
    ]);

    const response = await t.request('GET', '/api/v1/offices/NYH/calendar?from=2026-05-31&to=2026-06-07', { token: t.tokens.drafter });
    expect(response.status).toBe(200);
    const { days } = (await response.json()) as { days: { date: string; open: boolean; holiday: string | null; services: { application: { capacity: number; booked: number; source: string } } }[] };
    expect(days.map((day) => [day.date, day.open, day.services.application.capacity])).toEqual([
      ['2026-05-31', false, 0],
      ['2026-06-01', false, 0], // Madaraka Day
      ['2026-06-02', true, 3],
      ['2026-06-03', true, 3],
      ['2026-06-04', true, 3],
      ['2026-06-05', true, 2],
      ['2026-06-06', true, 20], // the surge Saturday
      ['2026-06-07', false, 0],
    ]);
    expect(days[1].holiday).toMatch(/Madaraka/);
    expect(days.map((day) => day.services.application.source)).toEqual(['weekend', 'holiday', 'weekday', 'weekday', 'weekday', 'weekday', 'override', 'weekend']);
    expect(days[2].services.application.booked).toBe(2);

    const cleared = await t.request('DELETE', '/api/v1/offices/NYH/overrides/2026-06-06/application', { token: t.tokens.admin });
    expect(cleared.status).toBe(204);
    expect(await cleared.text()).toBe('');
    expect(await lastAudit()).toMatchObject({ action: 'office.override.clear', detail: { date: '2026-06-06', service: 'application' } });
    expect(((await (await t.request('GET', '/api/v1/offices/NYH', { token: t.tokens.drafter })).json()) as { overrides: unknown[] }).overrides).toEqual([]);
    expect((await t.request('DELETE', '/api/v1/offices/NYH/overrides/2026-06-06/application', { token: t.tokens.admin })).status).toBe(404);
  });

  it('pages offices by code', async () => {
    for (const code of ['MSA', 'NYH', 'KSM']) {
      expect((await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: { ...nyayo, code, name: code } })).status).toBe(201);
    }
    const page = await t.request('GET', '/api/v1/offices?limit=2&offset=1', { token: t.tokens.drafter });
    const body = (await page.json()) as { items: { code: string }[]; total: number; limit: number; offset: number };
    expect({ ...body, items: body.items.map((office) => office.code) }).toEqual({ items: ['MSA', 'NYH'], total: 3, limit: 2, offset: 1 });
  });

  it('rejects an impossible date and a too-long calendar range', async () => {
    await t.request('POST', '/api/v1/offices', { token: t.tokens.publisher, json: nyayo });
    expect((await t.request('PUT', '/api/v1/offices/NYH/overrides/2026-02-30/application', { token: t.tokens.publisher, json: { capacity: 1 } })).status).toBe(400);
    expect((await t.request('GET', '/api/v1/offices/NYH/calendar?from=2026-01-01&to=2027-06-01', { token: t.tokens.drafter })).status).toBe(400);
  });
});
