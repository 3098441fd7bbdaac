import { systemActor } from '../../api/auth/actor';
import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentMoves, deliveries, incidents } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addAppointments, addIncident, addOffice, weekdays } from './appointment-fixtures';
import { rescheduleAffectedAppointments } from '../../api/appointments/reschedule-affected-appointments';
import { datesByReference, runReschedule, setRestoration } from './run-reschedule';

// Hand-checked calendar, May/June 2026: Sat 30 May and Sun 31 May are a weekend, Mon 1 June is
// Madaraka Day, NYH opens Saturday 6 June for applications (a surge day with 3 places).
describe('the rescheduling rule on a hand-checked calendar', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(2), collection: weekdays(5) }, [{ date: '2026-06-06', service: 'application', capacity: 3 }]);
    await addOffice(t.db, 'MSA', { application: weekdays(2), collection: weekdays(1) });
    await addAppointments(t.db, [
      // Affected at NYH (applications), listed out of order: the rule sorts by date, then reference.
      { reference: 'A3', office: 'NYH', service: 'application', date: '2026-05-25' },
      { reference: 'A1', office: 'NYH', service: 'application', date: '2026-05-25' },
      { reference: 'A2', office: 'NYH', service: 'application', date: '2026-05-25' },
      { reference: 'A6', office: 'NYH', service: 'application', date: '2026-05-29' },
      { reference: 'A4', office: 'NYH', service: 'application', date: '2026-05-26' },
      { reference: 'A5', office: 'NYH', service: 'application', date: '2026-05-26' },
      // Already booked after restoration: 2 June has one place left, 3 June is full, 4 June has one, 5 June is full.
      { reference: 'B1', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'B2', office: 'NYH', service: 'application', date: '2026-06-03' },
      { reference: 'B3', office: 'NYH', service: 'application', date: '2026-06-03' },
      { reference: 'B4', office: 'NYH', service: 'application', date: '2026-06-04' },
      { reference: 'B5', office: 'NYH', service: 'application', date: '2026-06-05' },
      { reference: 'B6', office: 'NYH', service: 'application', date: '2026-06-05' },
      // Affected at MSA (collections, one a day).
      { reference: 'M2', office: 'MSA', service: 'collection', date: '2026-05-25' },
      { reference: 'M1', office: 'MSA', service: 'collection', date: '2026-05-25' },
      // Not affected: a service the incident does not touch, a day before it, a day after restoration.
      { reference: 'N1', office: 'MSA', service: 'application', date: '2026-05-26' },
      { reference: 'N2', office: 'NYH', service: 'application', date: '2026-05-22' },
      { reference: 'N3', office: 'NYH', service: 'collection', date: '2026-05-26' },
    ]);
    await addIncident(t.db, {
      id: 'inc1',
      disruptionFrom: '2026-05-25',
      expectedRestoration: '2026-05-30',
      disrupts: [
        { service: 'application', office: 'NYH' },
        { service: 'collection', office: 'MSA', status: 'under_maintenance' },
      ],
    });
  });
  afterEach(() => t.close());

  it('skips the weekend and Madaraka Day, fills spare places in order, spills past a full day and uses the surge Saturday', async () => {
    expect(await runReschedule(t.db, 'inc1')).toEqual({ moved: 8, waiting: 0 });
    const dates = await datesByReference(t.db);
    expect(dates).toMatchObject({
      A1: '2026-06-02', // the one place left on Tuesday 2 June
      A2: '2026-06-04', // 3 June is full
      A3: '2026-06-06', // 5 June is full; the surge Saturday has 3 places
      A4: '2026-06-06',
      A5: '2026-06-06',
      A6: '2026-06-08', // Sunday 7 June closed
      M1: '2026-06-02',
      M2: '2026-06-03',
      N1: '2026-05-26',
      N2: '2026-05-22',
      N3: '2026-05-26',
    });
  });

  it('records each move and queues exactly one pending applicant email for it', async () => {
    await runReschedule(t.db, 'inc1');
    const moves = await t.db.select().from(appointmentMoves).where(eq(appointmentMoves.reference, 'A1'));
    expect(moves).toHaveLength(1);
    expect(moves[0]).toMatchObject({ fromDate: '2026-05-25', toDate: '2026-06-02', incidentId: 'inc1' });
    const queued = await t.db.select().from(deliveries).orderBy(asc(deliveries.moveId));
    expect(queued).toHaveLength(8);
    const forA1 = queued.find((delivery) => delivery.moveId === moves[0].id);
    expect(forA1).toMatchObject({
      channel: 'applicant_email',
      incidentId: 'inc1',
      recipient: 'A1',
      state: 'pending',
      idempotencyKey: `applicant_email:move:${moves[0].id}`,
      payload: null,
    });
  });

  it('moves nobody twice when run again', async () => {
    await runReschedule(t.db, 'inc1');
    const before = await datesByReference(t.db);
    expect(await runReschedule(t.db, 'inc1')).toEqual({ moved: 0, waiting: 0 });
    expect(await datesByReference(t.db)).toEqual(before);
    expect(await t.db.$count(appointmentMoves)).toBe(8);
    expect(await t.db.$count(deliveries)).toBe(8);
  });

  it('cascades when restoration slips: those now inside the window move once more, in original order', async () => {
    await runReschedule(t.db, 'inc1');
    // Now inside the window: A1, A2 (moved once, original date 25 May) and B1–B4 (booked 2–4 June).
    expect(await setRestoration(t.db, 'inc1', '2026-06-05')).toEqual({ moved: 8, waiting: 0 });
    expect(await datesByReference(t.db)).toMatchObject({
      A1: '2026-06-08', // 5 and 6 June are full, 8 June has one place after A6
      A2: '2026-06-09',
      B1: '2026-06-09',
      B2: '2026-06-10',
      B3: '2026-06-10',
      B4: '2026-06-11',
      A3: '2026-06-06',
      A6: '2026-06-08',
      M1: '2026-06-05',
      M2: '2026-06-08',
    });
    const a1Moves = await t.db.select().from(appointmentMoves).where(eq(appointmentMoves.reference, 'A1')).orderBy(asc(appointmentMoves.id));
    expect(a1Moves.map((move) => [move.fromDate, move.toDate])).toEqual([
      ['2026-05-25', '2026-06-02'],
      ['2026-06-02', '2026-06-08'],
    ]);
    expect(await t.db.$count(deliveries)).toBe(16);
    expect(await setRestoration(t.db, 'inc1', '2026-06-05')).toEqual({ moved: 0, waiting: 0 });
  });

  it('moves nobody back when restoration comes earlier', async () => {
    await runReschedule(t.db, 'inc1');
    const before = await datesByReference(t.db);
    expect(await setRestoration(t.db, 'inc1', '2026-05-28')).toEqual({ moved: 0, waiting: 0 });
    expect(await datesByReference(t.db)).toEqual(before);
  });

  it('moves nobody while restoration is unknown, but counts them as waiting', async () => {
    await setRestoration(t.db, 'inc1', '2026-05-30');
    await addIncident(t.db, { id: 'inc2', disruptionFrom: '2026-06-10', expectedRestoration: null, disrupts: [{ service: 'application', office: null }] });
    await addAppointments(t.db, [{ reference: 'W1', office: 'MSA', service: 'application', date: '2026-06-15' }]);
    expect(await runReschedule(t.db, 'inc2')).toEqual({ moved: 0, waiting: 1 });
  });
});

describe('holidays that move', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'KSM', { application: weekdays(1), collection: weekdays(1) });
  });
  afterEach(() => t.close());

  it('skips Eid al-Adha 2026 (Wednesday 27 May) and the Moi Day substitute Monday of 2027', async () => {
    await addAppointments(t.db, [
      { reference: 'E1', office: 'KSM', service: 'collection', date: '2026-05-25' },
      { reference: 'E2', office: 'KSM', service: 'collection', date: '2026-05-26' },
      { reference: 'S1', office: 'KSM', service: 'application', date: '2027-10-07' },
    ]);
    await addIncident(t.db, { id: 'eid', disruptionFrom: '2026-05-25', expectedRestoration: '2026-05-27', disrupts: [{ service: 'collection', office: 'KSM' }] });
    // Moi Day, Sunday 10 October 2027, is observed on Monday 11 October.
    await addIncident(t.db, { id: 'moi', disruptionFrom: '2027-10-07', expectedRestoration: '2027-10-08', disrupts: [{ service: 'application', office: null }] });
    await addAppointments(t.db, [{ reference: 'S0', office: 'KSM', service: 'application', date: '2027-10-08' }]);
    await runReschedule(t.db, 'eid');
    await runReschedule(t.db, 'moi');
    expect(await datesByReference(t.db)).toMatchObject({ E1: '2026-05-28', E2: '2026-05-29', S1: '2027-10-12' });
  });
});

describe('a restoration day entered after it has passed', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(1), collection: weekdays(1) });
  });
  afterEach(() => t.close());

  it('moves nobody to a day gone by: the search starts today', async () => {
    await addAppointments(t.db, [
      { reference: 'P1', office: 'NYH', service: 'application', date: '2026-06-08' },
      { reference: 'P2', office: 'NYH', service: 'application', date: '2026-06-09' },
    ]);
    await addIncident(t.db, { id: 'late', disruptionFrom: '2026-06-08', expectedRestoration: '2026-06-10', disrupts: [{ service: 'application', office: 'NYH' }] });
    // Published on Friday 12 June (Nairobi): Wednesday 10 and Thursday 11 are past.
    const friday = new Date('2026-06-12T06:00:00.000Z');
    await t.db.transaction((tx) => rescheduleAffectedAppointments(tx, 'late', { now: friday, actor: systemActor }));
    expect(await datesByReference(t.db)).toEqual({ P1: '2026-06-12', P2: '2026-06-15' });
  });
});

describe('a maintenance without an expected restoration', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(1), collection: weekdays(1) });
  });
  afterEach(() => t.close());

  it('ends with its schedule: offices serve again the day after the work ends', async () => {
    await addAppointments(t.db, [
      { reference: 'M1', office: 'NYH', service: 'collection', date: '2026-06-09' },
      { reference: 'M2', office: 'NYH', service: 'collection', date: '2026-06-10' },
    ]);
    await addIncident(t.db, { id: 'mnt', disruptionFrom: '2026-06-09', expectedRestoration: null, disrupts: [{ service: 'collection', office: 'NYH', status: 'under_maintenance' }] });
    // Tuesday 9 June 09:00 to Wednesday 10 June 14:00, Nairobi time.
    await t.db
      .update(incidents)
      .set({ kind: 'maintenance', status: 'in_progress', scheduledFor: '2026-06-09T06:00:00.000Z', scheduledUntil: '2026-06-10T11:00:00.000Z' })
      .where(eq(incidents.id, 'mnt'));
    await runReschedule(t.db, 'mnt');
    expect(await datesByReference(t.db)).toEqual({ M1: '2026-06-11', M2: '2026-06-12' });
  });
});

describe('two open incidents at one office', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    await addOffice(t.db, 'NYH', { application: weekdays(1), collection: weekdays(1) });
  });
  afterEach(() => t.close());

  it('never moves anyone into the other incident’s window', async () => {
    await addAppointments(t.db, [
      { reference: 'W1', office: 'NYH', service: 'application', date: '2026-06-02' },
      { reference: 'W2', office: 'NYH', service: 'application', date: '2026-06-03' },
    ]);
    // A: Tue 2 June to Wed 3 June, restoration Thursday 4 June. B keeps NYH applications closed
    // from Thursday 4 June until Tuesday 9 June.
    await addIncident(t.db, { id: 'a', disruptionFrom: '2026-06-02', expectedRestoration: '2026-06-04', disrupts: [{ service: 'application', office: 'NYH' }] });
    await addIncident(t.db, { id: 'b', disruptionFrom: '2026-06-04', expectedRestoration: '2026-06-09', disrupts: [{ service: 'application', office: null }] });
    await runReschedule(t.db, 'a');
    expect(await datesByReference(t.db)).toEqual({ W1: '2026-06-09', W2: '2026-06-10' });
  });
});
