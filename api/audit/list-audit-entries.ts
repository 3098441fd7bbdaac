import { and, count, desc, eq, gte, lt, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { auditLog, type AuditLogRow } from '../../db/schema/index';

export type AuditQuery = {
  targetType?: string;
  targetId?: string;
  action?: string;
  /** The account that acted. */
  userId?: string;
  /** Entries at or after this instant (ISO, UTC). */
  from?: string;
  /** Entries before this instant (ISO, UTC). */
  before?: string;
  limit: number;
  offset: number;
};

/** Audit entries, newest first, optionally for one target, one kind of action, one account or a time span. */
export async function listAuditEntries(db: DatabaseOrTransaction, query: AuditQuery): Promise<{ items: AuditLogRow[]; total: number }> {
  const filters: SQL[] = [];
  if (query.targetType) filters.push(eq(auditLog.targetType, query.targetType));
  if (query.targetId) filters.push(eq(auditLog.targetId, query.targetId));
  if (query.action) filters.push(eq(auditLog.action, query.action));
  if (query.userId) filters.push(eq(auditLog.userId, query.userId));
  // `at` is stored as toISOString() text, so text order is time order.
  if (query.from) filters.push(gte(auditLog.at, query.from));
  if (query.before) filters.push(lt(auditLog.at, query.before));
  const where = and(...filters);
  // The id is autoincrement, so it orders entries exactly even when two share a timestamp.
  const items = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(query.limit).offset(query.offset);
  const [{ total }] = await db.select({ total: count() }).from(auditLog).where(where);
  return { items, total };
}
