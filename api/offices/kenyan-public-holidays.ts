import Holidays from 'date-holidays';
import type { NairobiDay } from './nairobi-days';

// date-holidays knows the movable ones too: Easter, the Eids, and Monday substitutes for
// holidays that fall on a Sunday (e.g. Moi Day 2027 is observed on Monday 11 October).
const kenya = new Holidays('KE', { languages: ['en'], types: ['public'] });
const byYear = new Map<number, Map<NairobiDay, string>>();

function holidaysOf(year: number): Map<NairobiDay, string> {
  let days = byYear.get(year);
  if (!days) {
    days = new Map();
    for (const holiday of kenya.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      const day = holiday.date.slice(0, 10);
      if (!days.has(day)) days.set(day, holiday.name);
    }
    byYear.set(year, days);
  }
  return days;
}

/** The name of the Kenyan public holiday on `day`, or null on an ordinary day. */
export function kenyanPublicHoliday(day: NairobiDay): string | null {
  return holidaysOf(Number(day.slice(0, 4))).get(day) ?? null;
}
