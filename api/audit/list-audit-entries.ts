import { and, count, desc, eq, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { auditLog, type AuditLogRow } from '../../db/schema/index';

export type AuditQuery = { targetType?: string; targetId?: string; action?: string; limit: number; offset: number };

/** Audit entries, newest first, optionally for one target or one kind of action. */
export async function listAuditEntries(db: DatabaseOrTransaction, query: AuditQuery): Promise<{ items: AuditLogRow[]; total: number }> {
  const filters: SQL[] = [];
  if (query.targetType) filters.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  const where = and(...filters);
  // The id is autoincrement, so it orders entries exactly even when two share a timestamp.
  const items = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(query.limit).offset(query.offset);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  return { items, total };
}
