import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { officeOverrides, offices } from '../../db/schema/index';
import { createCapacityCalendar, type CapacityCalendar, type OfficeCapacityInput } from './capacity-calendar';

/** Reads offices and their overrides (all, or only `codes`) into a capacity calendar. */
export async function loadCapacityCalendar(db: DatabaseOrTransaction, codes?: string[]): Promise<CapacityCalendar> {
  const officeRows = codes
    ? await db.select().from(offices).where(inArray(offices.code, codes))
    : await db.select().from(offices);
  const overrideRows = codes
    ? await db.select().from(officeOverrides).where(inArray(officeOverrides.officeCode, codes))
    : await db.select().from(officeOverrides);
  const inputs: OfficeCapacityInput[] = officeRows.map((row) => ({
    code: row.code,
    capacity: { application: row.applicationCapacity, collection: row.collectionCapacity },
    overrides: overrideRows
      .filter((override) => override.officeCode === row.code)
      .map((override) => ({ date: override.date, service: override.service, capacity: override.capacity })),
  }));
  return createCapacityCalendar(inputs);
}
