import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../api/offices/nairobi-days';
import { loadOfficeCapacity } from '../../api/offices/office-capacity';
import { appointmentMoves, deliveries } from '../../db/schema/index';
import { createTestContext } from '../support/test-context';
import { addAppointments, addIncident, addOffice } from './appointment-fixtures';
import { datesByReference, runReschedule, setRestoration } from './run-reschedule';

const start = '2026-05-25';
type Slot = { office_code: string; service: 'application' | 'collection'; appointment_date: string; booked: number };

// The rule on a real database, through the same transaction publishUpdate uses: running it again
// moves nobody, and a slip moves exactly those now inside the window, once each.
describe('rescheduling on a real database (fast-check)', () => {
  it('is idempotent, cascades on a slip with one new move and one email each, and never overfills a day', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          capacity: fc.integer({ min: 1, max: 3 }),
          dates: fc.array(fc.tuple(fc.constantFrom('NYH', 'MSA'), fc.nat(20)), { minLength: 1, maxLength: 40 }),
          firstRestoration: fc.integer({ min: 1, max: 8 }),
          slip: fc.integer({ min: 1, max: 8 }),
        }),
        async ({ capacity, dates, firstRestoration, slip }) => {
          const t = await createTestContext();
          try {
            const week = [capacity, capacity, capacity, capacity, capacity, 0, 0] as [number, number, number, number, number, number, number];
            await addOffice(t.db, 'NYH', { application: week, collection: week });
            await addOffice(t.db, 'MSA', { application: week, collection: week });
            await addAppointments(t.db, dates.map(([office, offset], i) => ({ reference: `R${String(i).padStart(2, '0')}`, office, service: 'application' as const, date: addDays(start, offset) })));
            const restoration = addDays(start, firstRestoration);
            const slipped = addDays(restoration, slip);
            await addIncident(t.db, { id: 'inc', disruptionFrom: start, expectedRestoration: restoration, disrupts: [{ service: 'application', office: null }] });
            const slotsBefore = await slots(t.db);

            const first = await runReschedule(t.db, 'inc');
            const afterFirst = await datesByReference(t.db);
            expect(Object.values(afterFirst).every((date) => date < start || date >= restoration)).toBe(true);
            expect(await runReschedule(t.db, 'inc')).toEqual({ moved: 0, waiting: 0 });
            expect(await datesByReference(t.db)).toEqual(afterFirst);

            const insideSlippedWindow = Object.values(afterFirst).filter((date) => date >= start && date < slipped).length;
            const second = await setRestoration(t.db, 'inc', slipped);
            expect(second.moved).toBe(insideSlippedWindow);
            expect(Object.values(await datesByReference(t.db)).every((date) => date < start || date >= slipped)).toBe(true);
            expect(await t.db.$count(appointmentMoves)).toBe(first.moved + second.moved);
            expect(await t.db.$count(deliveries)).toBe(first.moved + second.moved);

            const officeCapacity = await loadOfficeCapacity(t.db);
            const before = new Map(slotsBefore.map((slot) => [`${slot.office_code}|${slot.appointment_date}`, slot.booked]));
            for (const slot of await slots(t.db)) {
              const limit = Math.max(officeCapacity.capacityOn(slot.office_code, slot.service, slot.appointment_date), before.get(`${slot.office_code}|${slot.appointment_date}`) ?? 0);
              expect(slot.booked).toBeLessThanOrEqual(limit);
            }
          } finally {
            t.close();
          }
        },
      ),
      { numRuns: 12 },
    );
  });
});

function slots(db: Parameters<typeof loadOfficeCapacity>[0]) {
  return db.all<Slot>(sql`SELECT office_code, service, appointment_date, count(*) AS booked FROM appointments GROUP BY 1, 2, 3`);
}
