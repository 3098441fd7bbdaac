import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { officeOverrides, offices, type AppointmentService, type DayCapacitySource, type WeeklyCapacity } from '../../db/schema/index';
import { isWeekend, weekdayIndex, type NairobiDay } from './nairobi-days';
import { kenyanPublicHoliday } from './kenyan-public-holidays';

export type OfficeCapacityInput = {
  code: string;
  capacity: Record<AppointmentService, WeeklyCapacity>;
  overrides: { date: NairobiDay; service: AppointmentService; capacity: number }[];
};

export type DayCapacity = {
  capacity: number;
  /** Why the day has the capacity it has: a date override wins over everything else. */
  source: DayCapacitySource;
  holiday: string | null;
};

/**
 * How many appointments each office can serve per service per day. The rule: a date override
 * (closure at 0, or a surge/Saturday opening) wins; otherwise weekends and Kenyan public holidays
 * are closed; otherwise the office's weekly capacity for that weekday applies.
 */
export type OfficeCapacity = {
  dayCapacity: (office: string, service: AppointmentService, day: NairobiDay) => DayCapacity;
  capacityOn: (office: string, service: AppointmentService, day: NairobiDay) => number;
  hasOffice: (office: string) => boolean;
};

export function createOfficeCapacity(offices: OfficeCapacityInput[]): OfficeCapacity {
  const weekly = new Map(offices.map((office) => [office.code, office.capacity]));
  const overrides = new Map<string, number>();
  for (const office of offices) {
    for (const override of office.overrides) {
      overrides.set(`${office.code}|${override.service}|${override.date}`, override.capacity);
    }
  }

  function dayCapacity(office: string, service: AppointmentService, day: NairobiDay): DayCapacity {
    const holiday = kenyanPublicHoliday(day);
    const override = overrides.get(`${office}|${service}|${day}`);
    if (override !== undefined) return { capacity: override, source: 'override', holiday };
    if (holiday) return { capacity: 0, source: 'holiday', holiday };
    if (isWeekend(day)) return { capacity: 0, source: 'weekend', holiday };
    const week = weekly.get(office)?.[service];
    return { capacity: week ? week[weekdayIndex(day)] : 0, source: 'weekday', holiday };
  }

  return {
    dayCapacity,
    capacityOn: (office, service, day) => dayCapacity(office, service, day).capacity,
    hasOffice: (office) => weekly.has(office),
  };
}

/** Reads offices and their overrides (all, or only `codes`) into an OfficeCapacity. */
export async function loadOfficeCapacity(db: DatabaseOrTransaction, codes?: string[]): Promise<OfficeCapacity> {
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
  return createOfficeCapacity(inputs);
}
