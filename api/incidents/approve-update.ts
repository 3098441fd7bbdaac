import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { incidentUpdates } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../domain-errors';
import type { ActionContext } from '../auth/actor';
import { assertMayApprove } from './four-eyes';
import { assertPending, loadIncident, loadUpdate } from './incident-records';
import { assertReviewedRevision } from './reviewed-revision';
import { revisionOf, withRevision, type UpdateWithRevision } from './revision';

/**
 * Approves a draft: a publisher or admin who did not draft it vouches for what a publish would
 * send, named by the revision they reviewed (`expectedRevision`, see revision.ts).
 */
export async function approveUpdate(
  db: Database,
  incidentId: string,
  updateId: string,
  context: ActionContext & { expectedRevision: string | null },
): Promise<UpdateWithRevision> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    const current = await loadUpdate(tx, incidentId, updateId);
    assertPending(current);
    if (current.state === 'approved') {
      throw conflict('This update is already approved; publish it (POST /incidents/{id}/publish) or edit it to change the words.');
    }
    assertMayApprove(current, context.actor);
    const revision = revisionOf(incident, current);
    assertReviewedRevision(context.expectedRevision, revision, { incidentId, action: 'approve' });
    const [update] = await tx
      .update(incidentUpdates)
      .set({ state: 'approved', approvedBy: context.actor.userId, approvedAt: at, updatedAt: at })
      .where(eq(incidentUpdates.id, updateId))
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'update.approve',
      targetType: 'incident_update',
      targetId: updateId,
      detail: { incident_id: incidentId, drafted_by: current.draftedBy, revision },
    });
    return withRevision(incident, update);
  });
}
