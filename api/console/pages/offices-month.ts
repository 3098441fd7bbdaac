import { addDays, isNairobiDay, nairobiDay, weekdayIndex, type NairobiDay } from '../../offices/nairobi-days';

/** A calendar month: its first and last day, the weeks it spans (Monday first, null outside it) and its neighbours. */
export type CalendarMonth = { key: string; label: string; first: NairobiDay; last: NairobiDay; weeks: (NairobiDay | null)[][]; previous: string; next: string };

const monthPattern = /^\d{4}-\d{2}$/;

/** The month `?month=YYYY-MM` names, or the month it is now in Nairobi when absent or not a real month. */
export function calendarMonth(asked: string | undefined, now: Date): CalendarMonth {
  const key = asked && monthPattern.test(asked) && isNairobiDay(`${asked}-01`) ? asked : nairobiDay(now).slice(0, 7);
  const first = `${key}-01`;
  const next = `${addDays(first, 31).slice(0, 7)}-01`;
  const last = addDays(next, -1);
  const weeks: (NairobiDay | null)[][] = [];
  let week: (NairobiDay | null)[] = Array.from({ length: weekdayIndex(first) }, () => null);
  for (let day = first; day <= last; day = addDays(day, 1)) {
    week.push(day);
    if (week.length === 7) {
      weeks.push(week);
      week = [];
    }
  }
  if (week.length > 0) weeks.push([...week, ...Array.from({ length: 7 - week.length }, () => null)]);
  const label = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', month: 'long', year: 'numeric' }).format(new Date(`${first}T00:00:00Z`));
  return { key, label, first, last, weeks, previous: addDays(first, -1).slice(0, 7), next: next.slice(0, 7) };
}
