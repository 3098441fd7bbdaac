import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { incidentUpdates, type IncidentUpdateRow } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../http/problem';
import { assertMayApprove, type ActionContext } from './four-eyes';
import { assertPending, loadIncident, loadUpdate } from './incident-records';

/** Approves a draft: a publisher or admin who did not draft it vouches for the words. */
export async function approveUpdate(
  db: Database,
  incidentId: string,
  updateId: string,
  context: ActionContext,
): Promise<IncidentUpdateRow> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    await loadIncident(tx, incidentId);
    const current = await loadUpdate(tx, incidentId, updateId);
    assertPending(current);
    if (current.state === 'approved') {
      throw conflict('This update is already approved; publish it (POST /incidents/{id}/publish) or edit it to change the words.');
    }
    assertMayApprove(current, context.actor);
    const [update] = await tx
      .update(incidentUpdates)
      .set({ state: 'approved', approvedBy: context.actor.tokenId, approvedAt: at, updatedAt: at })
      .where(eq(incidentUpdates.id, updateId))
      .returning();
    await recordAudit(tx, {
      tokenId: context.actor.tokenId,
      action: 'update.approve',
      targetType: 'incident_update',
      targetId: updateId,
      detail: { incident_id: incidentId, drafted_by: current.draftedBy },
    });
    return update;
  });
}
