import { and, eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { officeOverrides, offices, type AppointmentService } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { badRequest, notFound } from '../domain-errors';
import { isNairobiDay } from './nairobi-days';
import { getOffice, type OfficeView } from './manage-offices';

export type OverrideTarget = { code: string; date: string; service: AppointmentService };

async function assertOffice(db: Database, target: OverrideTarget): Promise<void> {
  if (!isNairobiDay(target.date)) throw badRequest(`"${target.date}" is not a real date; use YYYY-MM-DD.`);
  const [office] = await db.select({ code: offices.code }).from(offices).where(eq(offices.code, target.code));
  if (!office) throw notFound('office', target.code);
}

/**
 * Sets one day's capacity for one service: 0 closes the office that day, a positive number
 * opens it (even on a weekend or holiday, e.g. a Saturday to clear a backlog) with that capacity.
 */
export async function setOfficeOverride(
  db: Database,
  target: OverrideTarget,
  value: { capacity: number; note?: string | null },
  context: ActionContext,
): Promise<OfficeView> {
  await assertOffice(db, target);
  if (!Number.isInteger(value.capacity) || value.capacity < 0) throw badRequest('capacity must be a whole number ≥ 0 (0 closes the day).');
  await db.transaction(async (tx) => {
    await tx
      .insert(officeOverrides)
      .values({ officeCode: target.code, date: target.date, service: target.service, capacity: value.capacity, note: value.note ?? null })
      .onConflictDoUpdate({
        target: [officeOverrides.officeCode, officeOverrides.date, officeOverrides.service],
        set: { capacity: value.capacity, note: value.note ?? null },
      });
    await recordAudit(tx, {
      actor: context.actor,
      action: 'office.override.set',
      targetType: 'office',
      targetId: target.code,
      detail: { date: target.date, service: target.service, capacity: value.capacity },
    });
  });
  return getOffice(db, target.code);
}

/** Removes an override so the day follows the weekly capacity and the holiday rule again. */
export async function clearOfficeOverride(db: Database, target: OverrideTarget, context: ActionContext): Promise<OfficeView> {
  await assertOffice(db, target);
  await db.transaction(async (tx) => {
    const removed = await tx
      .delete(officeOverrides)
      .where(
        and(eq(officeOverrides.officeCode, target.code), eq(officeOverrides.date, target.date), eq(officeOverrides.service, target.service)),
      )
      .returning({ date: officeOverrides.date });
    if (removed.length === 0) throw notFound('override', `${target.code}/${target.date}/${target.service}`);
    await recordAudit(tx, {
      actor: context.actor,
      action: 'office.override.clear',
      targetType: 'office',
      targetId: target.code,
      detail: { date: target.date, service: target.service },
    });
  });
  return getOffice(db, target.code);
}
