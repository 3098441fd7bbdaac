import type { AuditQuery } from '../../audit/list-audit-entries';
import { addDays, isNairobiDay } from '../../offices/nairobi-days';
import type { FieldErrors } from './domain-error-fields';

export const auditPageSize = 50;

/** The audit page's filters as typed in its query string: who (account id), what (action), Nairobi days from/to, page. */
export type AuditFilterValues = { account: string; action: string; from: string; to: string; page: number };

/** Midnight at the start of a Nairobi day (UTC+3, no daylight saving), as the ISO instant the log stores. */
const startOfNairobiDay = (day: string) => new Date(`${day}T00:00:00+03:00`).toISOString();

/**
 * Reads the filters; a day that is not a real date, or a span that ends before it starts, is an
 * error beside its field and the log is not queried (an ignored filter would show the wrong entries).
 */
export function auditFilters(read: (name: string) => string | undefined): { values: AuditFilterValues; query: AuditQuery | null; errors: FieldErrors } {
  const text = (name: string) => (read(name) ?? '').trim();
  const page = Number.parseInt(text('page'), 10);
  const values: AuditFilterValues = { account: text('account'), action: text('action'), from: text('from'), to: text('to'), page: Number.isSafeInteger(page) && page > 1 ? page : 1 };
  const errors: FieldErrors = {};
  if (values.from && !isNairobiDay(values.from)) errors.from = 'Give a real day like 2026-06-01.';
  if (values.to && !isNairobiDay(values.to)) errors.to = 'Give a real day like 2026-06-30.';
  if (!errors.from && !errors.to && values.from && values.to && values.to < values.from) errors.to = 'The last day comes before the first; swap them.';
  if (Object.keys(errors).length > 0) return { values, query: null, errors };
  return {
    values,
    errors,
    query: {
      userId: values.account || undefined,
      action: values.action || undefined,
      from: values.from ? startOfNairobiDay(values.from) : undefined,
      // Both days are included: entries before the start of the day after `to`.
      before: values.to ? startOfNairobiDay(addDays(values.to, 1)) : undefined,
      limit: auditPageSize,
      offset: (values.page - 1) * auditPageSize,
    },
  };
}

/** The page's address with these filters and another page number (empty filters left out). */
export function auditPageHref(values: AuditFilterValues, page: number): string {
  const params = new URLSearchParams();
  for (const name of ['account', 'action', 'from', 'to'] as const) if (values[name]) params.set(name, values[name]);
  if (page > 1) params.set('page', String(page));
  const query = params.toString();
  return `/console/audit${query ? `?${query}` : ''}`;
}
