import { eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { offices, type AppointmentService } from '../../db/schema/index';
import { closeDisruptedDays, loadOpenDisruptions } from '../appointments/open-disruptions';
import { loadBookedCounts, slotKey } from '../offices/booked-counts';
import { addDays, nairobiDay, type NairobiDay } from '../offices/nairobi-days';
import { loadOfficeCapacity, type OfficeCapacity } from '../offices/office-capacity';

/** How many days an applicant is offered, and how far ahead Hali looks for them. */
export const offeredDays = 10;
export const choiceHorizonDays = 90;

export type ChoiceSlot = { officeCode: string; service: AppointmentService; currentDate: NairobiDay };

/**
 * The first day an applicant may choose: tomorrow in Nairobi. Never the past, and not today,
 * which nobody reading an email could plan for.
 */
export const firstChoosableDay = (now: Date): NairobiDay => addDays(nairobiDay(now), 1);

/**
 * The office's capacity as the rescheduling rule sees it: the offices' own rule
 * (api/offices/office-capacity.ts) with every day an open incident disrupts closed.
 */
export async function loadChoiceCapacity(db: DatabaseOrTransaction, officeCode: string, now: Date): Promise<OfficeCapacity> {
  return closeDisruptedDays(await loadOfficeCapacity(db, [officeCode]), await loadOpenDisruptions(db, { now }));
}

/** The next open days with a free place at the appointment's own office for its own service, earliest first, without its current date. */
export async function listChoosableDays(db: DatabaseOrTransaction, slot: ChoiceSlot, now: Date): Promise<NairobiDay[]> {
  const from = firstChoosableDay(now);
  const to = addDays(from, choiceHorizonDays - 1);
  const capacity = await loadChoiceCapacity(db, slot.officeCode, now);
  const booked = await loadBookedCounts(db, { from, to, offices: [slot.officeCode] });
  const days: NairobiDay[] = [];
  for (let day = from; day <= to && days.length < offeredDays; day = addDays(day, 1)) {
    if (day === slot.currentDate) continue;
    const spare = capacity.capacityOn(slot.officeCode, slot.service, day) - (booked.get(slotKey(slot.officeCode, slot.service, day)) ?? 0);
    if (spare > 0) days.push(day);
  }
  return days;
}

/** The office an applicant may also choose from, where the department allows one for theirs. */
export type NearbyOffice = { code: string; name: string; address: string };

export async function loadNearbyOffice(db: DatabaseOrTransaction, officeCode: string): Promise<NearbyOffice | null> {
  // One read: the nearby office found through this office's own row.
  const [nearby] = await db
    .select({ code: offices.code, name: offices.name, address: offices.address })
    .from(offices)
    .where(eq(offices.code, sql`(SELECT o.nearby_office_code FROM offices AS o WHERE o.code = ${officeCode})`));
  return nearby ?? null;
}

/** The days on offer: at the appointment's own office, and at the nearby office where there is one. */
export type ChoosableDays = { own: NairobiDay[]; nearby: (NearbyOffice & { days: NairobiDay[] }) | null };

export async function listAllChoosableDays(db: DatabaseOrTransaction, slot: ChoiceSlot, now: Date): Promise<ChoosableDays> {
  const own = await listChoosableDays(db, slot, now);
  const nearby = await loadNearbyOffice(db, slot.officeCode);
  // At another office no day is the current one, so none is left out.
  const nearbyDays = nearby ? await listChoosableDays(db, { officeCode: nearby.code, service: slot.service, currentDate: '' }, now) : [];
  return { own, nearby: nearby && { ...nearby, days: nearbyDays } };
}
