import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { incidentUpdates } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { badRequest } from '../domain-errors';
import { assertMayApprove } from './four-eyes';
import { assertPending, loadIncident, loadUpdate } from './incident-records';
import { withRevision, type UpdateWithRevision } from './revision';

const maxCommentLength = 2000;

/**
 * Sends a pending update back to its drafter with a comment saying what to change. Only someone
 * who may approve it may send it back (a publisher or admin who did not draft it). An approved
 * update returns to draft, since the reviewer no longer vouches for it. The comment stays on the
 * update, for the drafter to read while they edit, until someone approves it.
 */
export async function returnUpdate(
  db: Database,
  incidentId: string,
  updateId: string,
  comment: string,
  context: ActionContext,
): Promise<UpdateWithRevision> {
  const text = comment.trim();
  if (text === '') throw badRequest('Say what the drafter should change.', [{ field: 'comment', message: 'Say what the drafter should change.' }]);
  if (text.length > maxCommentLength) {
    throw badRequest(`The comment is too long.`, [{ field: 'comment', message: `Keep the comment under ${maxCommentLength} characters (it has ${text.length}).` }]);
  }
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    const current = await loadUpdate(tx, incidentId, updateId);
    assertPending(current);
    assertMayApprove(current, context.actor);
    const [update] = await tx
      .update(incidentUpdates)
      .set({ state: 'draft', approvedBy: null, approvedAt: null, returnComment: text, returnedBy: context.actor.userId, returnedAt: at, updatedAt: at })
      .where(eq(incidentUpdates.id, updateId))
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'update.return',
      targetType: 'incident_update',
      targetId: updateId,
      detail: { incident_id: incidentId, drafted_by: current.draftedBy, was_approved: current.state === 'approved' },
    });
    return withRevision(incident, update);
  });
}
