import { desc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentMoves, auditLog, deliveries } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addAppointments, addIncident, addOffice, weekdays } from './appointment-fixtures';

type Appointment = { appointment_date: string; status: string; moves: { from: string; to: string; incident_id: string | null; reason: string }[] };

describe('moving one appointment by hand (POST /appointments/{reference}/move)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    t.now.value = new Date('2026-05-29T08:00:00Z');
    await addOffice(t.db, 'NYH', { application: weekdays(1), collection: weekdays(1) }, [{ date: '2026-06-06', service: 'application', capacity: 2 }]);
    await addAppointments(t.db, [
      { reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'R2', office: 'NYH', service: 'application', date: '2026-06-03' },
    ]);
  });
  afterEach(() => t.close());

  const move = (reference: string, json: unknown, token = t.tokens.publisher) => t.request('POST', `/api/v1/appointments/${reference}/move`, { token, json });

  it('moves within capacity, records the move with its reason and queues one applicant email', async () => {
    const response = await move('R1', { date: '2026-06-06', reason: 'Applicant asked for a Saturday' });
    expect(response.status).toBe(200);
    const moved = (await response.json()) as Appointment;
    expect(moved).toMatchObject({ appointment_date: '2026-06-06', status: 'rescheduled' });
    expect(moved.moves).toEqual([expect.objectContaining({ from: '2026-06-02', to: '2026-06-06', incident_id: null, reason: 'Applicant asked for a Saturday' })]);
    const queued = await t.db.select().from(deliveries);
    expect(queued).toEqual([expect.objectContaining({ channel: 'applicant_email', recipient: 'R1', state: 'pending', incidentId: null })]);
    expect(queued[0].idempotencyKey).toBe(`applicant_email:move:${queued[0].moveId}`);
    const [audit] = await t.db.select().from(auditLog).orderBy(desc(auditLog.id)).limit(1);
    expect(audit).toMatchObject({ action: 'appointment.move', targetId: 'R1' });
  });

  it('answers 409 for a full day, a closed day and a holiday, and changes nothing', async () => {
    const full = await move('R1', { date: '2026-06-03', reason: 'Trying a full day' });
    expect(full.status).toBe(409);
    expect(((await full.json()) as { detail: string }).detail).toMatch(/full/);
    const sunday = await move('R1', { date: '2026-06-07', reason: 'Trying a Sunday' });
    expect(sunday.status).toBe(409);
    expect(((await sunday.json()) as { detail: string }).detail).toMatch(/weekend/);
    const madaraka = await move('R1', { date: '2026-06-01', reason: 'Trying Madaraka Day' });
    expect(((await madaraka.json()) as { detail: string }).detail).toMatch(/public holiday/);
    expect((await move('R1', { date: '2026-05-20', reason: 'In the past' })).status).toBe(409);
    expect(await t.db.$count(deliveries)).toBe(0);
    const current = (await (await t.request('GET', '/api/v1/appointments/R1', { token: t.tokens.admin })).json()) as Appointment;
    expect(current).toMatchObject({ appointment_date: '2026-06-02', moves: [] });
  });

  it('answers 409 for a day inside an open incident’s window', async () => {
    await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-06-03', expectedRestoration: '2026-06-05', disrupts: [{ service: 'application', office: null }] });
    const response = await move('R1', { date: '2026-06-04', reason: 'Trying a disrupted day' });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toMatch(/disrupts it from 2026-06-03 until 2026-06-05/);
    expect((await move('R1', { date: '2026-06-05', reason: 'First day back' })).status).toBe(200);
  });

  it('needs a reason and a publisher or admin', async () => {
    expect((await move('R1', { date: '2026-06-04' })).status).toBe(400);
    expect((await move('R1', { date: '2026-06-04', reason: 'Because' }, t.tokens.drafter)).status).toBe(403);
    expect((await move('NOPE', { date: '2026-06-04', reason: 'Because' })).status).toBe(404);
    expect(await t.db.$count(deliveries, eq(deliveries.recipient, 'R1'))).toBe(0);
  });
});

describe('reading appointments', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(5), collection: weekdays(5) });
    await addOffice(t.db, 'MSA', { application: weekdays(5), collection: weekdays(5) });
    await addAppointments(t.db, [
      { reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'R2', office: 'MSA', service: 'application', date: '2026-06-02' },
      { reference: 'R3', office: 'NYH', service: 'collection', date: '2026-06-03' },
    ]);
  });
  afterEach(() => t.close());

  it('lists with filters for publishers, with names and the contract shape', async () => {
    const response = await t.request('GET', '/api/v1/appointments?office=NYH&service=application', { token: t.tokens.publisher });
    const list = (await response.json()) as { total: number; items: Record<string, unknown>[] };
    expect(list.total).toBe(1);
    expect(list.items[0]).toEqual({
      reference: 'R1',
      full_name: 'Applicant R1',
      email: 'r1@example.org',
      language: 'en',
      service: 'application',
      office: 'NYH',
      appointment_date: '2026-06-02',
      status: 'booked',
      moves: [],
    });
    const byDate = (await (await t.request('GET', '/api/v1/appointments?appointment_date=2026-06-02&limit=1&offset=1', { token: t.tokens.admin })).json()) as {
      items: { reference: string }[];
    };
    expect({ ...byDate, items: byDate.items.map((item) => item.reference) }).toEqual({ items: ['R2'], total: 2, limit: 1, offset: 1 });
  });

  it('filters by incident_id: only the appointments that incident moved', async () => {
    await addIncident(t.db, { id: 'down', disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-03', disrupts: [] });
    await t.db.insert(appointmentMoves).values({ reference: 'R3', fromDate: '2026-06-02', toDate: '2026-06-03', incidentId: 'down', reason: 'outage' });
    const response = await t.request('GET', '/api/v1/appointments?incident_id=down', { token: t.tokens.publisher });
    const list = (await response.json()) as { total: number; items: { reference: string }[] };
    expect([list.total, list.items.map((item) => item.reference)]).toEqual([1, ['R3']]);
  });

  it('gives drafters a count only, and no single appointment', async () => {
    const response = await t.request('GET', '/api/v1/appointments?office=NYH', { token: t.tokens.drafter });
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({ items: [], total: 2, limit: 50, offset: 0 });
    expect(body).not.toContain('Applicant');
    expect((await t.request('GET', '/api/v1/appointments/R1', { token: t.tokens.drafter })).status).toBe(403);
  });
});
