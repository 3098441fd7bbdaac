import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentMoves, appointments, deliveries, incidentUpdates } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addAppointments, addIncident, addOffice, weekdays } from './appointment-fixtures';
import { runReschedule } from './run-reschedule';

type Affected = {
  expected_restoration: string | null;
  uses_pending_update: boolean;
  counts: { total: number; moved: number; to_move: number; waiting: number; by_office_service: unknown[]; by_original_day: unknown[] };
  items: { reference: string; original_date: string; new_date: string | null; state: string }[];
  total: number;
  limit: number;
  offset: number;
  preview?: {
    expected_restoration: string | null;
    affected: number;
    offices: { office: string; service: string; count: number; first_new_date: string | null; last_new_date: string | null }[];
    waiting_over_21_days: number;
    unplaced: number;
  };
};

describe('GET /incidents/{id}/affected', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    // Staff act before the disruptions these tests describe (new dates are never in the past).
    t.now.value = new Date('2026-05-20T07:00:00.000Z');
    await addOffice(t.db, 'NYH', { application: weekdays(1), collection: weekdays(1) });
    await addOffice(t.db, 'KSM', { application: weekdays(1), collection: weekdays(1) });
    await addAppointments(t.db, [
      { reference: 'A1', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'A2', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'K1', office: 'KSM', service: 'application', date: '2026-06-03' },
      { reference: 'C1', office: 'NYH', service: 'collection', date: '2026-06-02' },
    ]);
  });
  afterEach(() => t.close());

  const affected = async (token: string, query = '') => {
    const response = await t.request('GET', `/api/v1/incidents/inc/affected${query}`, { token });
    expect(response.status).toBe(200);
    return (await response.json()) as Affected;
  };

  it('shows a draft incident’s consequences before publishing, and writes nothing', async () => {
    await addIncident(t.db, { id: 'inc', published: false, disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-04', disrupts: [{ service: 'application', office: null }] });
    const report = await affected(t.tokens.publisher, '?preview=true');
    expect(report.uses_pending_update).toBe(true);
    expect(report.counts).toMatchObject({ total: 3, to_move: 3, moved: 0, waiting: 0 });
    expect(report.counts.by_office_service).toEqual([
      { office: 'KSM', service: 'application', count: 1 },
      { office: 'NYH', service: 'application', count: 2 },
    ]);
    expect(report.counts.by_original_day).toEqual([
      { date: '2026-06-02', count: 2 },
      { date: '2026-06-03', count: 1 },
    ]);
    expect(report.items.map((item) => [item.reference, item.original_date, item.new_date])).toEqual([
      ['A1', '2026-06-02', '2026-06-04'],
      ['A2', '2026-06-02', '2026-06-05'],
      ['K1', '2026-06-03', '2026-06-04'],
    ]);
    // The same snake_case shape as `reschedule` in GET /incidents/{id}/preview.
    expect(report.preview).toEqual({
      expected_restoration: '2026-06-04',
      affected: 3,
      offices: [
        { office: 'KSM', service: 'application', count: 1, first_new_date: '2026-06-04', last_new_date: '2026-06-04' },
        { office: 'NYH', service: 'application', count: 2, first_new_date: '2026-06-04', last_new_date: '2026-06-05' },
      ],
      waiting_over_21_days: 0,
      unplaced: 0,
    });
    expect(await t.db.$count(appointmentMoves)).toBe(0);
    expect(await t.db.$count(deliveries)).toBe(0);
    const [a1] = await t.db.select().from(appointments).where(eq(appointments.reference, 'A1'));
    expect(a1.appointmentDate).toBe('2026-06-02');
  });

  it('pages the items in order while the counts cover everyone', async () => {
    await addIncident(t.db, { id: 'inc', published: false, disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-04', disrupts: [{ service: 'application', office: null }] });
    const second = await affected(t.tokens.publisher, '?limit=2&offset=1');
    expect(second.counts.total).toBe(3);
    expect(second).toMatchObject({ total: 3, limit: 2, offset: 1 });
    expect(second.items.map((item) => item.reference)).toEqual(['A2', 'K1']);
    expect(await affected(t.tokens.publisher)).toMatchObject({ total: 3, limit: 50, offset: 0 });
    const bad = await t.request('GET', '/api/v1/incidents/inc/affected?limit=0', { token: t.tokens.publisher });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { errors: { field: string }[] }).errors[0].field).toBe('limit');
  });

  it('gives drafters counts only, without items', async () => {
    await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-04', disrupts: [{ service: 'application', office: 'NYH' }] });
    const report = await affected(t.tokens.drafter);
    expect(report.counts.total).toBe(2);
    // An empty page with total 0, so a client paging until offset ≥ total stops at once.
    expect(report).toMatchObject({ items: [], total: 0, limit: 50, offset: 0 });
    expect(JSON.stringify(report)).not.toContain('A1');
    expect((await affected(t.tokens.admin)).items).toHaveLength(2);
  });

  it('keeps showing appointments after they were moved, with their original and new dates', async () => {
    await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-04', disrupts: [{ service: 'application', office: 'NYH' }] });
    await runReschedule(t.db, 'inc');
    const report = await affected(t.tokens.publisher);
    expect(report.counts).toMatchObject({ total: 2, moved: 2, to_move: 0 });
    expect(report.items.map((item) => [item.reference, item.original_date, item.new_date, item.state])).toEqual([
      ['A1', '2026-06-02', '2026-06-04', 'moved'],
      ['A2', '2026-06-02', '2026-06-05', 'moved'],
    ]);
  });

  it('uses a pending update’s later restoration to show who would move again', async () => {
    await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-04', disrupts: [{ service: 'application', office: 'NYH' }] });
    await runReschedule(t.db, 'inc');
    await t.db.insert(incidentUpdates).values({ id: 'slip', incidentId: 'inc', status: 'identified', body: 'Later.', expectedRestoration: '2026-06-05' });
    const report = await affected(t.tokens.publisher);
    expect(report.expected_restoration).toBe('2026-06-05');
    expect(report.items.map((item) => [item.reference, item.original_date, item.new_date, item.state])).toEqual([
      ['A1', '2026-06-02', '2026-06-08', 'to_move'], // 5 June is A2's
      ['A2', '2026-06-02', '2026-06-05', 'moved'],
    ]);
  });

  it('counts appointments as waiting while restoration is unknown', async () => {
    await addIncident(t.db, { id: 'inc', disruptionFrom: '2026-06-02', expectedRestoration: null, disrupts: [{ service: 'collection', office: 'NYH' }] });
    const report = await affected(t.tokens.publisher);
    expect(report.counts).toMatchObject({ total: 1, waiting: 1 });
    expect(report.items[0]).toMatchObject({ reference: 'C1', new_date: null, state: 'waiting' });
  });

  it('answers 404 for an unknown incident', async () => {
    expect((await t.request('GET', '/api/v1/incidents/nope/affected', { token: t.tokens.publisher })).status).toBe(404);
  });
});
