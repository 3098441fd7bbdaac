import { slotKey } from '../offices/booked-counts';
import { addDays, type NairobiDay } from '../offices/nairobi-days';
import type { OfficeCapacity } from '../offices/office-capacity';
import type { AffectedAppointment } from './find-affected-appointments';

export type PlannedMove = AffectedAppointment & { newDate: NairobiDay };
export type ReschedulePlan = { moves: PlannedMove[]; unplaced: AffectedAppointment[] };

/** How far past restoration to look for a free day before giving up (a year of closures). */
export const searchHorizonDays = 366;

type Cursor = { day: NairobiDay; offset: number; spare: number };

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The order the rule serves: original date, then reference. Sorted here, not trusted from the
 * caller, so the dates never depend on the order rows arrive in (sorting sorted input is linear).
 */
const inRuleOrder = (affected: readonly AffectedAppointment[]) =>
  [...affected].sort((a, b) => compare(a.originalDate, b.originalDate) || compare(a.reference, b.reference));

/**
 * The rule (api/appointments/README.md), computed in memory: in order of original date then reference, each
 * affected appointment takes the earliest day on or after `restoration` where its own office
 * has spare capacity for its own service, after what is already booked there. Days only ever
 * fill up, so each office+service keeps a cursor on its earliest day with a free place, which
 * never moves back: linear in appointments plus days.
 */
export function planNewDates(input: {
  affected: AffectedAppointment[];
  restoration: NairobiDay;
  officeCapacity: OfficeCapacity;
  booked: ReadonlyMap<string, number>;
}): ReschedulePlan {
  const { officeCapacity, booked, restoration } = input;
  const cursors = new Map<string, Cursor>();
  const moves: PlannedMove[] = [];
  const unplaced: AffectedAppointment[] = [];
  const spareOn = (appointment: AffectedAppointment, day: NairobiDay) =>
    officeCapacity.capacityOn(appointment.office, appointment.service, day) - (booked.get(slotKey(appointment.office, appointment.service, day)) ?? 0);

  for (const appointment of inRuleOrder(input.affected)) {
    const group = `${appointment.office}|${appointment.service}`;
    let cursor = cursors.get(group);
    if (!cursor) {
      cursor = { day: restoration, offset: 0, spare: spareOn(appointment, restoration) };
      cursors.set(group, cursor);
    }
    while (cursor.spare <= 0 && cursor.offset < searchHorizonDays) {
      cursor.day = addDays(cursor.day, 1);
      cursor.offset++;
      cursor.spare = spareOn(appointment, cursor.day);
    }
    if (cursor.spare > 0) {
      cursor.spare--;
      moves.push({ reference: appointment.reference, service: appointment.service, office: appointment.office, currentDate: appointment.currentDate, originalDate: appointment.originalDate, newDate: cursor.day });
    } else {
      unplaced.push(appointment);
    }
  }
  return { moves, unplaced };
}
