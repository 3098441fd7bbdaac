import type { DatabaseOrTransaction } from '../../db/client';
import { auditLog } from '../../db/schema/index';
import type { Actor } from '../auth/actor';

export type AuditEntry = {
  actor: Actor;
  action: string;
  targetType: string;
  targetId?: string | null;
  /** Never personal data: counts and ids only. */
  detail?: Record<string, unknown>;
};

/** Writes one audit entry; call it inside the same transaction as the change it records. */
export async function recordAudit(db: DatabaseOrTransaction, entry: AuditEntry): Promise<void> {
  await db.insert(auditLog).values({
    tokenId: entry.actor.tokenId,
    userId: entry.actor.userId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    detail: entry.detail ?? null,
  });
}
