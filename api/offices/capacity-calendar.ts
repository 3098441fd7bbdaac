import type { AppointmentService, WeeklyCapacity } from '../../db/schema/index';
import { isWeekend, weekdayIndex, type CalendarDay } from './calendar-days';
import { kenyanPublicHoliday } from './kenyan-public-holidays';

export type OfficeCapacityInput = {
  code: string;
  capacity: Record<AppointmentService, WeeklyCapacity>;
  overrides: { date: CalendarDay; service: AppointmentService; capacity: number }[];
};

export type DayCapacity = {
  capacity: number;
  /** Why the day has the capacity it has: a date override wins over everything else. */
  source: 'override' | 'weekday' | 'weekend' | 'holiday';
  holiday: string | null;
};

/**
 * How many appointments each office can serve per service per day. The rule: a date override
 * (closure at 0, or a surge/Saturday opening) wins; otherwise weekends and Kenyan public holidays
 * are closed; otherwise the office's weekly capacity for that weekday applies.
 */
export type CapacityCalendar = {
  dayCapacity: (office: string, service: AppointmentService, day: CalendarDay) => DayCapacity;
  capacityOn: (office: string, service: AppointmentService, day: CalendarDay) => number;
  hasOffice: (office: string) => boolean;
};

export function createCapacityCalendar(offices: OfficeCapacityInput[]): CapacityCalendar {
  const weekly = new Map(offices.map((office) => [office.code, office.capacity]));
  const overrides = new Map<string, number>();
  for (const office of offices) {
    for (const override of office.overrides) {
      overrides.set(`${office.code}|${override.service}|${override.date}`, override.capacity);
    }
  }

  function dayCapacity(office: string, service: AppointmentService, day: CalendarDay): DayCapacity {
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
