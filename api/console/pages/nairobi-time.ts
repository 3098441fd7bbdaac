import { formatDay, formatInstant } from '../../../site/data/nairobi-time';

/** Staff read times as the offices live them: Nairobi time, with the zone named. */
export const nairobiTime = (iso: string | null | undefined): string => (iso ? `${formatInstant(iso, 'en-GB')} EAT (Nairobi)` : '—');

/** A calendar day (YYYY-MM-DD), already a Nairobi date. */
export const nairobiDayLabel = (day: string | null | undefined): string => (day ? formatDay(day, 'en-GB') : '—');
