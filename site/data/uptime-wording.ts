import type { UptimeDayView } from '../../api/site/build/home-view';
import type { Strings } from '../i18n/strings';

/** "3 h 20 min" / "saa 3 dakika 20": how long a day's trouble lasted. */
export function formatDuration(minutes: number, strings: Strings): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? strings.uptime.minutes.replace('{m}', String(m)) : strings.uptime.hoursMinutes.replace('{h}', String(h)).replace('{m}', String(m));
}

/** "20 Nov" in the page's language; the day is already a Nairobi date, so no zone shift. */
export function formatShortDay(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'UTC', day: 'numeric', month: 'short' }).format(new Date(`${day}T00:00:00Z`));
}

/**
 * The bar's class: its height says how bad the day was (colour only helps), shortest for a
 * major outage; "n" for a day before the service existed, none for a good day.
 */
export function uptimeBarClass(day: UptimeDayView): string | undefined {
  if (!day.counted) return 'n';
  switch (day.worst) {
    case 'major_outage': return 'x';
    case 'partial_outage': return 'p';
    case 'degraded_performance': return 'd';
    case 'under_maintenance': return 'm';
    default: return undefined;
  }
}
