import { asc } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { auditLog } from '../../db/schema/index';

/** Every kind of action the audit log holds (e.g. appointment.move), for a filter to choose from. */
export async function listAuditActions(db: DatabaseOrTransaction): Promise<string[]> {
  const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(asc(auditLog.action));
  return rows.map((row) => row.action);
}
