import type { AppointmentService, OfficeOverrideRow, OfficeRow, WeeklyCapacity } from '../../db/schema/index';

/** The API's office shape (DESIGN.md contract). */
export type OfficeView = {
  code: string;
  name: string;
  address: string;
  capacity: Record<AppointmentService, WeeklyCapacity>;
  overrides: { date: string; service: AppointmentService; capacity: number; note: string | null }[];
};

export function toOfficeView(row: OfficeRow, overrides: OfficeOverrideRow[]): OfficeView {
  return {
    code: row.code,
    name: row.name,
    address: row.address,
    capacity: { application: row.applicationCapacity, collection: row.collectionCapacity },
    overrides: overrides
      .filter((override) => override.officeCode === row.code)
      .sort((a, b) => a.date.localeCompare(b.date) || a.service.localeCompare(b.service))
      .map((override) => ({ date: override.date, service: override.service, capacity: override.capacity, note: override.note })),
  };
}
