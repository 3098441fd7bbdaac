import { and, desc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCalendarToken } from '../../api/broadcast/messages/calendar-token';
import { appointmentMoves, appointments, auditLog, deliveries } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { chooseLinkPath, latestEmail, movedByOutage, postForm } from './applicant-fixtures';

const radioDays = (page: string) => [...page.matchAll(/name="date"[^>]*value="(\d{4}-\d{2}-\d{2})"/g)].map((match) => match[1]);

describe('choosing another date through the link in the email', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await movedByOutage(t);
  });
  afterEach(() => t.close());

  it('the new-date email carries the link, which lists the current date first and then open days with room, never the past or a disrupted day', async () => {
    const path = await chooseLinkPath(t, 'R1');
    const response = await t.app.request(path);
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(response.headers.get('Referrer-Policy')).toBe('no-referrer');
    const page = await response.text();
    const days = radioDays(page);
    expect(days[0]).toBe('2026-06-04');
    expect(page).toMatch(/value="2026-06-04" checked/);
    // 4 June holds R1 and R2 (capacity 3): one place left, but it is the current date, listed once.
    expect(days.slice(1, 4)).toEqual(['2026-06-05', '2026-06-08', '2026-06-09']);
    expect(days.every((day) => day >= '2026-06-04')).toBe(true);
    expect(days).toHaveLength(11);
  });

  it('a tampered link, a calendar token and a made-up token are refused alike', async () => {
    const path = await chooseLinkPath(t, 'R1');
    const token = path.split('/').at(-1) ?? '';
    const flipped = `${token.slice(0, 20)}${token[20] === 'A' ? 'B' : 'A'}${token.slice(21)}`;
    const [move] = await t.db.select().from(appointmentMoves).where(eq(appointmentMoves.reference, 'R1'));
    const calendar = createCalendarToken({ reference: 'R1', moveId: move.id }, t.config.calendarSigningSecret);
    for (const bad of [flipped, calendar, 'x'.repeat(60)]) {
      const shown = await t.app.request(`/appointment/choose/${bad}`);
      expect(shown.status).toBe(404);
      expect(await shown.text()).toContain('This link does not work');
      expect((await postForm(t, `/appointment/choose/${bad}`, { date: '2026-06-05' })).status).toBe(404);
    }
    const [r1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect(r1.appointmentDate).toBe('2026-06-04');
  });

  it('a choice re-books, is recorded as the applicant’s choice, audited, and confirmed by exactly one email with a new calendar link', async () => {
    const path = await chooseLinkPath(t, 'R1');
    const before = await t.db.$count(deliveries);
    const response = await postForm(t, path, { date: '2026-06-08' });
    expect(response.status).toBe(200);
    const page = await response.text();
    expect(page).toContain('Your new date is confirmed');
    expect(page).toContain('Your appointment has moved from Thursday, 4 June 2026 to Monday, 8 June 2026.');
    expect(page).toContain('Moved from Thursday, 4 June 2026 to Monday, 8 June 2026 at your request.');

    const [r1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect(r1.appointmentDate).toBe('2026-06-08');
    const [choice] = await t.db.select().from(appointmentMoves).where(eq(appointmentMoves.reference, 'R1')).orderBy(desc(appointmentMoves.id)).limit(1);
    expect(choice).toMatchObject({ fromDate: '2026-06-04', toDate: '2026-06-08', reason: "applicant's choice", incidentId: null });
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'appointment.applicant_choice'));
    expect(audit).toMatchObject({ targetId: 'R1', tokenId: null, userId: null, detail: { by: 'applicant', from: '2026-06-04', to: '2026-06-08', incident_id: 'inc' } });

    expect(await t.db.$count(deliveries)).toBe(before + 1);
    const emails = await t.db.select().from(deliveries).where(and(eq(deliveries.moveId, choice.id)));
    expect(emails).toHaveLength(1);
    const email = await latestEmail(t, 'R1');
    expect(email.subject).toBe('Confirmed: your passport appointment is now on Monday, 8 June 2026 (ref. R1)');
    const calendarLink = /\/calendar\/[A-Za-z0-9_-]+\.ics/.exec(email.text ?? '')?.[0];
    expect(calendarLink).toBeDefined();
    const ics = await (await t.app.request(calendarLink ?? '')).text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20260608');

    // The old place is free: 4 June had R1 and R2 of 3 places, now only R2.
    expect(await t.db.$count(appointments, eq(appointments.appointmentDate, '2026-06-04'))).toBe(1);
    // The same form sent again changes nothing more.
    expect((await postForm(t, path, { date: '2026-06-08' })).status).toBe(200);
    expect(await t.db.$count(deliveries)).toBe(before + 1);
  });

  it('allows two changes, then refuses a third', async () => {
    const path = await chooseLinkPath(t, 'R1');
    expect((await postForm(t, path, { date: '2026-06-08' })).status).toBe(200);
    expect((await postForm(t, path, { date: '2026-06-09' })).status).toBe(200);
    const third = await postForm(t, path, { date: '2026-06-10' });
    expect(third.status).toBe(409);
    expect(await third.text()).toContain('You have already changed this appointment twice');
    const shown = await (await t.app.request(path)).text();
    expect(radioDays(shown)).toEqual([]);
    const [r1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect(r1.appointmentDate).toBe('2026-06-09');
  });

  it('never moves into the past, a closed day or a day an open incident disrupts', async () => {
    const path = await chooseLinkPath(t, 'R1');
    expect((await postForm(t, path, { date: '2026-05-28' })).status).toBe(422);
    expect((await postForm(t, path, { date: '2026-05-29' })).status).toBe(422);
    expect((await postForm(t, path, { date: 'soon' })).status).toBe(422);
    for (const closed of ['2026-06-01', '2026-06-02', '2026-06-06']) {
      const refused = await postForm(t, path, { date: closed });
      expect(refused.status).toBe(409);
      expect(radioDays(await refused.text())).not.toContain(closed);
    }
    const [r1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'R1'));
    expect(r1.appointmentDate).toBe('2026-06-04');
  });

  it('works in Swahili for a Swahili applicant', async () => {
    await t.db.update(appointments).set({ language: 'sw' }).where(eq(appointments.reference, 'R2'));
    const page = await (await t.app.request(await chooseLinkPath(t, 'R2'))).text();
    expect(page).toContain('<html lang="sw">');
    expect(page).toContain('Chagua tarehe nyingine');
  });

  it('staff see who opened the link, looked up and chose, and the days the choices filled', async () => {
    const path = await chooseLinkPath(t, 'R1');
    await t.app.request(path);
    await t.app.request(path);
    await t.app.request(await chooseLinkPath(t, 'R2'));
    await postForm(t, '/appointment/lookup', { reference: 'R1', email: 'amina@example.org' });
    await postForm(t, path, { date: '2026-06-08' });
    const response = await t.request('GET', '/api/v1/incidents/inc/applicant-actions', { token: t.tokens.publisher });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ incident_id: 'inc', applicants: { opened_link: 2, looked_up: 1, chose_date: 1 }, chosen_days: [{ date: '2026-06-08', choices: 1 }] });
    expect((await t.request('GET', '/api/v1/incidents/inc/applicant-actions', { token: t.tokens.drafter })).status).toBe(403);
    expect((await t.request('GET', '/api/v1/incidents/nope/applicant-actions', { token: t.tokens.admin })).status).toBe(404);
  });
});
