import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../api/offices/nairobi-days';
import { createOfficeCapacity, type OfficeCapacityInput } from '../../api/offices/office-capacity';
import { slotKey } from '../../api/offices/booked-counts';
import { planNewDates } from '../../api/appointments/plan-new-dates';
import type { AffectedAppointment } from '../../api/appointments/find-affected-appointments';
import type { AppointmentService, WeeklyCapacity } from '../../db/schema/index';

// Random small worlds: offices with weekday capacities of 0–3, overrides (closures and weekend
// openings) on the 40 days from 2026-05-25 (which include Madaraka Day), bookings already on the
// days after restoration, and disrupted appointments inside the window.
const start = '2026-05-25';
const services: AppointmentService[] = ['application', 'collection'];
const offices = ['NYH', 'MSA', 'KSM'];

const weekArbitrary = fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 5, maxLength: 5 }).map((days) => [...days, 0, 0] as WeeklyCapacity);
const worldArbitrary = fc.record({
  restorationOffset: fc.integer({ min: 1, max: 12 }),
  offices: fc.tuple(...offices.map(() => fc.record({ application: weekArbitrary, collection: weekArbitrary }))),
  overrides: fc.array(fc.record({ office: fc.constantFrom(...offices), service: fc.constantFrom(...services), offset: fc.nat(40), capacity: fc.integer({ min: 0, max: 4 }) }), { maxLength: 15 }),
  bookings: fc.array(fc.record({ office: fc.constantFrom(...offices), service: fc.constantFrom(...services), offset: fc.nat(30) }), { maxLength: 30 }),
  affected: fc.array(fc.record({ office: fc.constantFrom(...offices), service: fc.constantFrom(...services), offset: fc.nat(11), id: fc.nat(999) }), { maxLength: 60 }),
});

type World = typeof worldArbitrary extends fc.Arbitrary<infer T> ? T : never;

function buildWorld(world: World) {
  const restoration = addDays(start, world.restorationOffset);
  const inputs: OfficeCapacityInput[] = offices.map((code, i) => ({
    code,
    capacity: world.offices[i],
    overrides: world.overrides.filter((o) => o.office === code).map((o) => ({ date: addDays(start, o.offset), service: o.service, capacity: o.capacity })),
  }));
  const officeCapacity = createOfficeCapacity(inputs);
  // Bookings only where there is room, as the office's own booking system would allow.
  const booked = new Map<string, number>();
  for (const booking of world.bookings) {
    const day = addDays(restoration, booking.offset);
    const key = slotKey(booking.office, booking.service, day);
    if ((booked.get(key) ?? 0) < officeCapacity.capacityOn(booking.office, booking.service, day)) booked.set(key, (booked.get(key) ?? 0) + 1);
  }
  const seen = new Set<string>();
  const affected: AffectedAppointment[] = [];
  for (const a of world.affected) {
    const reference = `R${String(a.id).padStart(3, '0')}`;
    if (seen.has(reference)) continue;
    seen.add(reference);
    const date = addDays(start, Math.min(a.offset, world.restorationOffset - 1));
    affected.push({ reference, service: a.service, office: a.office, currentDate: date, originalDate: date });
  }
  return { restoration, officeCapacity, booked, affected };
}

describe('the rescheduling rule, for any office capacity (fast-check)', () => {
  it('never fills a day past its capacity, never moves anyone before restoration, and places or reports everyone', () => {
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const { restoration, officeCapacity, booked, affected } = buildWorld(world);
        const plan = planNewDates({ affected, restoration, officeCapacity, booked });
        expect(plan.moves.length + plan.unplaced.length).toBe(affected.length);
        const after = new Map(booked);
        for (const move of plan.moves) {
          expect(move.newDate >= restoration).toBe(true);
          const key = slotKey(move.office, move.service, move.newDate);
          after.set(key, (after.get(key) ?? 0) + 1);
        }
        for (const move of plan.moves) {
          expect(after.get(slotKey(move.office, move.service, move.newDate))).toBeLessThanOrEqual(officeCapacity.capacityOn(move.office, move.service, move.newDate));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives each the earliest day with a free place and keeps the order per office and service', () => {
    fc.assert(
      fc.property(worldArbitrary, (world) => {
        const { restoration, officeCapacity, booked, affected } = buildWorld(world);
        const plan = planNewDates({ affected, restoration, officeCapacity, booked });
        const after = new Map(booked);
        for (const move of plan.moves) after.set(slotKey(move.office, move.service, move.newDate), (after.get(slotKey(move.office, move.service, move.newDate)) ?? 0) + 1);
        const lastByGroup = new Map<string, string>();
        for (const move of plan.moves) {
          const group = `${move.office}|${move.service}`;
          expect(move.newDate >= (lastByGroup.get(group) ?? '')).toBe(true);
          lastByGroup.set(group, move.newDate);
          // Every earlier day from restoration on is full at the end: nobody skipped a free place.
          for (let day = restoration; day < move.newDate; day = addDays(day, 1)) {
            expect(after.get(slotKey(move.office, move.service, day)) ?? 0).toBeGreaterThanOrEqual(officeCapacity.capacityOn(move.office, move.service, day));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same dates whatever order the affected appointments arrive in', () => {
    // The rule serves by original date then reference; a database or caller may hand the rows
    // over in any order (rowid, index, a reimport), and the dates must not change with it.
    const worldAndShuffle = worldArbitrary.chain((world) => {
      const { affected } = buildWorld(world);
      return fc.tuple(fc.constant(world), fc.shuffledSubarray(affected, { minLength: affected.length, maxLength: affected.length }));
    });
    const datesOf = (plan: ReturnType<typeof planNewDates>) => ({
      moves: plan.moves.map((m) => `${m.reference} ${m.newDate}`).sort(),
      unplaced: plan.unplaced.map((a) => a.reference).sort(),
    });
    fc.assert(
      fc.property(worldAndShuffle, ([world, shuffled]) => {
        const { restoration, officeCapacity, booked, affected } = buildWorld(world);
        const inGivenOrder = planNewDates({ affected, restoration, officeCapacity, booked });
        const inShuffledOrder = planNewDates({ affected: shuffled, restoration, officeCapacity, booked });
        expect(datesOf(inShuffledOrder)).toEqual(datesOf(inGivenOrder));
      }),
      { numRuns: 300 },
    );
  });
});
