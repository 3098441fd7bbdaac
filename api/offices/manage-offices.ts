import { asc, count, eq, inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../../db/client';
import {
  appointments,
  officeOverrides,
  offices,
  type AppointmentService,
  type OfficeOverrideRow,
  type OfficeRow,
  type WeeklyCapacity,
} from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { badRequest, conflict, notFound } from '../domain-errors';

/** An office with its weekly capacity per service and its date overrides (see README.md here). */
export type OfficeView = {
  code: string;
  name: string;
  address: string;
  /** The one office whose free days this office's applicants may also choose, if the department allows it. */
  nearbyOffice: string | null;
  capacity: Record<AppointmentService, WeeklyCapacity>;
  overrides: { date: string; service: AppointmentService; capacity: number; note: string | null }[];
};

export function toOfficeView(row: OfficeRow, overrides: OfficeOverrideRow[]): OfficeView {
  return {
    code: row.code,
    name: row.name,
    address: row.address,
    nearbyOffice: row.nearbyOfficeCode,
    capacity: { application: row.applicationCapacity, collection: row.collectionCapacity },
    overrides: overrides
      .filter((override) => override.officeCode === row.code)
      .sort((a, b) => a.date.localeCompare(b.date) || a.service.localeCompare(b.service))
      .map((override) => ({ date: override.date, service: override.service, capacity: override.capacity, note: override.note })),
  };
}

export type OfficeInput = {
  code: string;
  name: string;
  address?: string;
  nearbyOffice?: string | null;
  capacity: Record<AppointmentService, WeeklyCapacity>;
};
export type OfficeChanges = Partial<Omit<OfficeInput, 'code' | 'capacity'>> & {
  capacity?: Partial<Record<AppointmentService, WeeklyCapacity>>;
};

/**
 * Weekends are closed unless a date override opens them, so a regular Saturday capacity would
 * never be used; refusing it says so instead of silently ignoring the number.
 */
export function assertWeeklyCapacity(service: AppointmentService, week: WeeklyCapacity): void {
  if (week.length !== 7 || week.some((n) => !Number.isInteger(n) || n < 0)) {
    throw badRequest(`capacity.${service} must be 7 whole numbers ≥ 0, Monday first.`);
  }
  if (week[5] !== 0 || week[6] !== 0) {
    throw badRequest(
      `capacity.${service}: Saturday and Sunday must be 0; weekends are closed unless a date override opens them (PUT /offices/{code}/overrides/{date}/${service}).`,
    );
  }
}

/** A nearby office must be another office that exists. */
async function assertNearbyOffice(tx: Transaction, code: string, nearby: string): Promise<void> {
  if (nearby === code) throw badRequest('An office cannot be its own nearby office.', [{ field: 'nearby_office', message: 'Give the code of another office, or null for none.' }]);
  const [found] = await tx.select({ code: offices.code }).from(offices).where(eq(offices.code, nearby));
  if (!found) throw badRequest(`There is no office "${nearby}".`, [{ field: 'nearby_office', message: 'Give the code of an existing office, or null for none.' }]);
}

/** One page of offices by code, each with its overrides, and how many offices there are. */
export async function listOffices(db: Database, page: { limit: number; offset: number }): Promise<{ items: OfficeView[]; total: number }> {
  const rows = await db.select().from(offices).orderBy(asc(offices.code)).limit(page.limit).offset(page.offset);
  const overrides = rows.length
    ? await db.select().from(officeOverrides).where(inArray(officeOverrides.officeCode, rows.map((row) => row.code)))
    : [];
  const [{ total }] = await db.select({ total: count() }).from(offices);
  return { items: rows.map((row) => toOfficeView(row, overrides)), total };
}

export async function getOffice(db: Database, code: string): Promise<OfficeView> {
  const [row] = await db.select().from(offices).where(eq(offices.code, code));
  if (!row) throw notFound('office', code);
  const overrides = await db.select().from(officeOverrides).where(eq(officeOverrides.officeCode, code));
  return toOfficeView(row, overrides);
}

export async function createOffice(db: Database, input: OfficeInput, context: ActionContext): Promise<OfficeView> {
  assertWeeklyCapacity('application', input.capacity.application);
  assertWeeklyCapacity('collection', input.capacity.collection);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ code: offices.code }).from(offices).where(eq(offices.code, input.code));
    if (existing) throw conflict(`An office with code "${input.code}" already exists; PATCH it instead.`);
    if (input.nearbyOffice) await assertNearbyOffice(tx, input.code, input.nearbyOffice);
    await tx.insert(offices).values({
      code: input.code,
      name: input.name,
      address: input.address ?? '',
      nearbyOfficeCode: input.nearbyOffice ?? null,
      applicationCapacity: input.capacity.application,
      collectionCapacity: input.capacity.collection,
    });
    await recordAudit(tx, { actor: context.actor, action: 'office.create', targetType: 'office', targetId: input.code, detail: { capacity: input.capacity } });
  });
  return getOffice(db, input.code);
}

export async function updateOffice(db: Database, code: string, changes: OfficeChanges, context: ActionContext): Promise<OfficeView> {
  if (changes.capacity?.application) assertWeeklyCapacity('application', changes.capacity.application);
  if (changes.capacity?.collection) assertWeeklyCapacity('collection', changes.capacity.collection);
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ code: offices.code }).from(offices).where(eq(offices.code, code));
    if (!existing) throw notFound('office', code);
    if (changes.nearbyOffice) await assertNearbyOffice(tx, code, changes.nearbyOffice);
    await tx
      .update(offices)
      .set({
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.address !== undefined && { address: changes.address }),
        ...(changes.nearbyOffice !== undefined && { nearbyOfficeCode: changes.nearbyOffice }),
        ...(changes.capacity?.application && { applicationCapacity: changes.capacity.application }),
        ...(changes.capacity?.collection && { collectionCapacity: changes.capacity.collection }),
        updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`,
      })
      .where(eq(offices.code, code));
    await recordAudit(tx, { actor: context.actor, action: 'office.update', targetType: 'office', targetId: code, detail: { changes } });
  });
  return getOffice(db, code);
}

/** Deleting an office that still has appointments would orphan them, so it is refused. */
export async function deleteOffice(db: Database, code: string, context: ActionContext): Promise<void> {
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ code: offices.code }).from(offices).where(eq(offices.code, code));
    if (!existing) throw notFound('office', code);
    const [booked] = await tx.select({ count: sql<number>`count(*)` }).from(appointments).where(eq(appointments.officeCode, code));
    if (booked.count > 0) {
      throw conflict(`Office "${code}" still has ${booked.count} appointments; move or re-import them elsewhere before deleting it.`);
    }
    await tx.update(offices).set({ nearbyOfficeCode: null }).where(eq(offices.nearbyOfficeCode, code));
    await tx.delete(offices).where(eq(offices.code, code));
    await recordAudit(tx, { actor: context.actor, action: 'office.delete', targetType: 'office', targetId: code });
  });
}
