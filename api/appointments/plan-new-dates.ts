import { slotKey } from '../offices/booked-counts';
import { addDays, type CalendarDay } from '../offices/calendar-days';
import type { CapacityCalendar } from '../offices/capacity-calendar';
import type { AffectedAppointment } from './find-affected-appointments';

export type PlannedMove = AffectedAppointment & { newDate: CalendarDay };
export type ReschedulePlan = { moves: PlannedMove[]; unplaced: AffectedAppointment[] };

/** How far past restoration to look for a free day before giving up (a year of closures). */
export const searchHorizonDays = 366;

/**
 * The rule (DESIGN.md), computed in memory: in order of original date then reference, each
 * affected appointment takes the earliest day on or after `restoration` where its own office
 * has spare capacity for its own service, after what is already booked there. Days only ever
 * fill up, so each office+service keeps a cursor that never moves back: linear in appointments
 * plus days. `booked` is not changed; pass appointments already sorted.
 */
export function planNewDates(input: {
  affected: AffectedAppointment[];
  restoration: CalendarDay;
  calendar: CapacityCalendar;
  booked: ReadonlyMap<string, number>;
}): ReschedulePlan {
  const { calendar, restoration } = input;
  const booked = new Map(input.booked);
  const cursors = new Map<string, { day: CalendarDay; offset: number }>();
  const moves: PlannedMove[] = [];
  const unplaced: AffectedAppointment[] = [];

  for (const appointment of input.affected) {
    const group = `${appointment.office}|${appointment.service}`;
    const cursor = cursors.get(group) ?? { day: restoration, offset: 0 };
    cursors.set(group, cursor);
    while (cursor.offset <= searchHorizonDays) {
      const key = slotKey(appointment.office, appointment.service, cursor.day);
      const taken = booked.get(key) ?? 0;
      if (taken < calendar.capacityOn(appointment.office, appointment.service, cursor.day)) {
        booked.set(key, taken + 1);
        moves.push({ ...appointment, newDate: cursor.day });
        break;
      }
      cursor.day = addDays(cursor.day, 1);
      cursor.offset++;
    }
    if (cursor.offset > searchHorizonDays) unplaced.push(appointment);
  }
  return { moves, unplaced };
}
