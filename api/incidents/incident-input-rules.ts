import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import {
  components as componentsTable,
  incidentStatuses,
  maintenanceStatuses,
  type ComponentStatus,
  type IncidentKind,
  type IncidentStatus,
} from '../../db/schema/index';
import { maxXPostWeight, weighXPost } from '../broadcast/x/x-post-text';
import { badRequest } from '../domain-errors';

export type FieldError = { field: string; message: string };

/** An ISO date-time in one canonical form (UTC), so stored values compare as text. */
export const toIsoInstant = (value: string) => new Date(value).toISOString();

export function checkStatusFitsKind(kind: IncidentKind, status: IncidentStatus, field = 'status'): FieldError[] {
  const allowed: readonly string[] = kind === 'maintenance' ? maintenanceStatuses : incidentStatuses;
  if (allowed.includes(status)) return [];
  return [{ field, message: `"${status}" is not a ${kind} status; use one of ${allowed.join(', ')}.` }];
}

export function checkSchedule(kind: IncidentKind, scheduledFor: string | null, scheduledUntil: string | null): FieldError[] {
  const errors: FieldError[] = [];
  if (kind === 'maintenance' && !scheduledFor) errors.push({ field: 'scheduled_for', message: 'A maintenance needs its start time.' });
  if (kind === 'maintenance' && !scheduledUntil) errors.push({ field: 'scheduled_until', message: 'A maintenance needs its end time.' });
  if (scheduledFor && scheduledUntil && Date.parse(scheduledUntil) <= Date.parse(scheduledFor)) {
    errors.push({ field: 'scheduled_until', message: 'The end must come after scheduled_for.' });
  }
  return errors;
}

export function checkRestoration(disruptionFrom: string | null, expectedRestoration: string | null | undefined): FieldError[] {
  if (!disruptionFrom || !expectedRestoration || expectedRestoration >= disruptionFrom) return [];
  return [
    {
      field: 'expected_restoration',
      message: `The restoration day (${expectedRestoration}) cannot be before the first day of disruption (${disruptionFrom}).`,
    },
  ];
}

export function checkXText(xText: string | null | undefined): FieldError[] {
  if (!xText) return [];
  const { weightedLength } = weighXPost(xText);
  if (weightedLength <= maxXPostWeight) return [];
  return [
    {
      field: 'x_text',
      message: `The X post weighs ${weightedLength} of ${maxXPostWeight} (links count 23, emoji 2); shorten it by ${weightedLength - maxXPostWeight}.`,
    },
  ];
}

export async function checkComponentsExist(
  db: DatabaseOrTransaction,
  statuses: Record<string, ComponentStatus> | undefined,
  field = 'components',
): Promise<FieldError[]> {
  const ids = Object.keys(statuses ?? {});
  if (ids.length === 0) return [];
  const found = await db.select({ id: componentsTable.id }).from(componentsTable).where(inArray(componentsTable.id, ids));
  const known = new Set(found.map((row) => row.id));
  return ids.filter((id) => !known.has(id)).map((id) => ({ field: `${field}.${id}`, message: `No component with id "${id}".` }));
}

/** Throws one 400 naming every bad field, so staff can fix them all at once. */
export function throwIfInvalid(errors: FieldError[]): void {
  if (errors.length === 0) return;
  throw badRequest(`The request is not valid: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`, errors);
}
