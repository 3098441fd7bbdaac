import type { Database } from '../../db/client';
import { appointmentServices, type AppointmentService, type DayCapacitySource } from '../../db/schema/index';
import { badRequest } from '../domain-errors';
import { loadBookedCounts, slotKey } from './booked-counts';
import { addDays, daysBetween, isNairobiDay, weekdayIndex, type NairobiDay } from './nairobi-days';
import { loadOfficeCapacity } from './office-capacity';
import { getOffice } from './manage-offices';

export type OfficeDay = {
  date: NairobiDay;
  weekday: number;
  holiday: string | null;
  open: boolean;
  services: Record<AppointmentService, { capacity: number; booked: number; source: DayCapacitySource }>;
};

export const maxOfficeDays = 366;

/** Each day from `from` to `to` (inclusive): whether the office is open, its capacity and what is booked. */
export async function listOfficeDays(db: Database, code: string, from: NairobiDay, to: NairobiDay): Promise<OfficeDay[]> {
  if (!isNairobiDay(from) || !isNairobiDay(to)) throw badRequest('from and to must be real dates in YYYY-MM-DD form.');
  const span = daysBetween(from, to);
  if (span < 0) throw badRequest('to must be on or after from.');
  if (span >= maxOfficeDays) throw badRequest(`Ask for at most ${maxOfficeDays} days at a time.`);
  await getOffice(db, code);
  const officeCapacity = await loadOfficeCapacity(db, [code]);
  const booked = await loadBookedCounts(db, { from, to, offices: [code] });
  const days: OfficeDay[] = [];
  for (let i = 0; i <= span; i++) {
    const date = addDays(from, i);
    const services = {} as OfficeDay['services'];
    let holiday: string | null = null;
    for (const service of appointmentServices) {
      const day = officeCapacity.dayCapacity(code, service, date);
      holiday = day.holiday;
      services[service] = { capacity: day.capacity, booked: booked.get(slotKey(code, service, date)) ?? 0, source: day.source };
    }
    days.push({ date, weekday: weekdayIndex(date), holiday, open: appointmentServices.some((s) => services[s].capacity > 0), services });
  }
  return days;
}
