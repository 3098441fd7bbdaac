import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { incidentUpdates } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { badRequest } from '../domain-errors';
import type { ActionContext } from '../auth/actor';
import { throwIfInvalid } from './incident-input-rules';
import { assertPending, loadIncident, loadUpdate } from './incident-records';
import { withRevision, type UpdateWithRevision } from './revision';
import { checkUpdateContent, updateContentValues, type UpdateContent } from './update-content';

/**
 * Edits a pending update. An approved update that changes goes back to draft: the approval was
 * for the old words, and the new ones need their own second pair of eyes. The editor becomes the
 * update's drafter, so nobody can approve or publish words they just wrote; the original author
 * stays in the audit log.
 */
export async function editUpdate(
  db: DatabaseOrTransaction,
  incidentId: string,
  updateId: string,
  changes: Partial<UpdateContent>,
  context: ActionContext,
): Promise<UpdateWithRevision> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    const current = await loadUpdate(tx, incidentId, updateId);
    assertPending(current);
    const fields = Object.entries(changes)
      .filter(([, value]) => value !== undefined)
      .map(([field]) => field);
    if (fields.length === 0) throw badRequest('Send at least one field to change.', [{ field: '(body)', message: 'No field to change.' }]);
    const merged: UpdateContent = {
      status: changes.status ?? current.status,
      body: changes.body ?? current.body,
      bodySw: changes.bodySw !== undefined ? changes.bodySw : current.bodySw,
      xText: changes.xText !== undefined ? changes.xText : current.xText,
      components: changes.components ?? current.components,
      expectedRestoration: changes.expectedRestoration !== undefined ? changes.expectedRestoration : current.expectedRestoration,
    };
    throwIfInvalid(await checkUpdateContent(tx, incident, merged));
    const [update] = await tx
      .update(incidentUpdates)
      .set({
        ...updateContentValues(changes),
        state: 'draft',
        approvedBy: null,
        approvedAt: null,
        draftedBy: context.actor.userId ?? current.draftedBy,
        updatedAt: at,
      })
      .where(eq(incidentUpdates.id, updateId))
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'update.edit',
      targetType: 'incident_update',
      targetId: updateId,
      detail: { incident_id: incidentId, fields, previous_drafter: current.draftedBy, approval_withdrawn: current.state === 'approved' },
    });
    return withRevision(incident, update);
  });
}
