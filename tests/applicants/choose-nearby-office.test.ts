import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointments, auditLog, offices } from '../../db/schema/index';
import { addOffice, weekdays } from '../appointments/appointment-fixtures';
import { createTestContext, type TestContext } from '../support/test-context';
import { chooseLinkPath, latestEmail, movedByOutage, postForm } from './applicant-fixtures';

const nearbyValues = (page: string) => [...page.matchAll(/name="date"[^>]*value="([A-Z0-9]+):(\d{4}-\d{2}-\d{2})"/g)].map((match) => `${match[1]}:${match[2]}`);

describe('choosing a day at a nearby office, where the department allows one', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await movedByOutage(t);
    await addOffice(t.db, 'THK', { application: weekdays(2), collection: weekdays(2) });
    await t.db.update(offices).set({ name: 'Thika', address: 'Kenyatta Highway, Thika' }).where(eq(offices.code, 'THK'));
  });
  afterEach(() => t.close());

  const allowNearby = async (nearby: string | null) =>
    t.request('PATCH', '/api/v1/offices/NYH', { token: t.tokens.publisher, json: { nearby_office: nearby } });

  it('offers nothing elsewhere until the office names a nearby one, and refuses a day there', async () => {
    const path = await chooseLinkPath(t, 'R1');
    expect(nearbyValues(await (await t.app.request(path)).text())).toEqual([]);
    expect((await postForm(t, path, { date: 'THK:2026-06-08' })).status).toBe(422);
    const [r1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect(r1).toMatchObject({ officeCode: 'NYH', appointmentDate: '2026-06-04' });
  });

  it('lists the nearby office’s free days under its own heading; choosing one moves the office too, and the feed, the lookup and the email say so', async () => {
    const allowed = await allowNearby('THK');
    expect(allowed.status).toBe(200);
    expect(await allowed.json()).toMatchObject({ code: 'NYH', nearby_office: 'THK' });

    const path = await chooseLinkPath(t, 'R1');
    const page = await (await t.app.request(path)).text();
    expect(page).toContain('Or a day at a nearby office: Thika, Kenyatta Highway, Thika');
    const offered = nearbyValues(page);
    expect(offered[0]).toBe('THK:2026-06-04');
    expect(offered.every((value) => value.startsWith('THK:'))).toBe(true);
    // An office the department did not name stays refused.
    await addOffice(t.db, 'MSA', { application: weekdays(2), collection: weekdays(2) });
    expect((await postForm(t, path, { date: 'MSA:2026-06-08' })).status).toBe(422);

    const chosen = await postForm(t, path, { date: 'THK:2026-06-08' });
    expect(chosen.status).toBe(200);
    const answer = await chosen.text();
    expect(answer).toContain('Your appointment has moved from Thursday, 4 June 2026 to Monday, 8 June 2026. It is now at Thika.');
    expect(answer).toContain('Moved from Thursday, 4 June 2026 to Monday, 8 June 2026 at your request. It is now at Thika.');
    const [r1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect(r1).toMatchObject({ officeCode: 'THK', appointmentDate: '2026-06-08' });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'appointment.applicant_choice'));
    expect(audit.detail).toMatchObject({ from: '2026-06-04', to: '2026-06-08', from_office: 'NYH', to_office: 'THK' });

    const feed = await t.request('GET', '/api/v1/appointments/changes', { token: t.tokens.integration });
    const items = ((await feed.json()) as { items: Record<string, unknown>[] }).items;
    expect(items.at(-1)).toMatchObject({ reference: 'R1', from: '2026-06-04', to: '2026-06-08', from_office: 'NYH', office: 'THK', reason: "applicant's choice" });
    // The outage's move did not change the office.
    expect(items.find((item) => item.reference === 'R1')).toMatchObject({ from_office: 'NYH', office: 'NYH' });

    const email = await latestEmail(t, 'R1');
    expect(email.text).toContain('Thika');
  });

  it('refuses an office as its own nearby office or one that does not exist, and forgets it when that office is deleted', async () => {
    expect((await allowNearby('NYH')).status).toBe(400);
    expect((await allowNearby('ZZZ')).status).toBe(400);
    const [nyh] = await t.db.select().from(offices).where(eq(offices.code, 'NYH'));
    expect(nyh.nearbyOfficeCode).toBeNull();
    expect((await allowNearby('THK')).status).toBe(200);
    expect((await t.request('DELETE', '/api/v1/offices/THK', { token: t.tokens.publisher })).status).toBe(204);
    const office = await t.request('GET', '/api/v1/offices/NYH', { token: t.tokens.drafter });
    expect(await office.json()).toMatchObject({ nearby_office: null });
  });
});
