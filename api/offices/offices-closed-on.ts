import type { DatabaseOrTransaction } from '../../db/client';
import { appointmentServices, offices, type AppointmentService, type DayCapacitySource } from '../../db/schema/index';
import type { NairobiDay } from './nairobi-days';
import { loadOfficeCapacity } from './office-capacity';

export type ClosedOffice = { code: string; name: string; services: AppointmentService[]; why: DayCapacitySource; holiday: string | null };

/** Offices with at least one service closed on `day` (a weekend, a public holiday or a closure override), and why. */
export async function officesClosedOn(db: DatabaseOrTransaction, day: NairobiDay): Promise<ClosedOffice[]> {
  const rows = await db.select({ code: offices.code, name: offices.name }).from(offices).orderBy(offices.name);
  const capacity = await loadOfficeCapacity(db);
  const closed: ClosedOffice[] = [];
  for (const office of rows) {
    const days = appointmentServices.map((service) => ({ service, day: capacity.dayCapacity(office.code, service, day) }));
    const shut = days.filter((d) => d.day.capacity === 0);
    if (shut.length === 0) continue;
    closed.push({ ...office, services: shut.map((d) => d.service), why: shut[0].day.source, holiday: shut[0].day.holiday });
  }
  return closed;
}
