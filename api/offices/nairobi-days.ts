/**
 * Days in Nairobi as `YYYY-MM-DD` strings: offices work in whole days (Africa/Nairobi), so dates
 * never carry a time or a zone. Arithmetic goes through UTC midnight, which has no DST to trip on.
 */
export type NairobiDay = string;

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/** True for a real date in `YYYY-MM-DD` form (rejects 2026-02-30 and 2026-13-01). */
export function isNairobiDay(value: string): boolean {
  const match = dayPattern.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}

export function addDays(day: NairobiDay, days: number): NairobiDay {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: NairobiDay, to: NairobiDay): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
}

/** 0 = Monday … 6 = Sunday, matching the order of an office's weekly capacity. */
export function weekdayIndex(day: NairobiDay): number {
  return (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7;
}

export const isWeekend = (day: NairobiDay) => weekdayIndex(day) >= 5;

/** The day it is in Nairobi (UTC+3, no daylight saving) at `instant`. */
export function nairobiDay(instant: Date): NairobiDay {
  return new Date(instant.getTime() + 3 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * The day part of a stored date or timestamp: `2026-06-01` stays, `2026-06-01T09:00:00+03:00`
 * is read in Nairobi time so an evening-UTC instant lands on the right local day.
 */
export function dayOf(value: string): NairobiDay {
  if (isNairobiDay(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Not a date: ${value}`);
  return nairobiDay(instant);
}
