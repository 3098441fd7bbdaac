import type { DatabaseOrTransaction } from '../../db/client';
import { incidentUpdates } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../domain-errors';
import { newId } from '../ids';
import type { ActionContext } from '../auth/actor';
import { throwIfInvalid } from './incident-input-rules';
import { findPendingUpdate, loadIncident } from './incident-records';
import { withRevision, type UpdateWithRevision } from './revision';
import { checkUpdateContent, updateContentValues, type UpdateContent } from './update-content';

/**
 * Drafts the next notice of an incident. One pending update at a time, so two people never
 * race to publish different versions of the same news.
 */
export async function draftUpdate(
  db: DatabaseOrTransaction,
  incidentId: string,
  content: UpdateContent,
  context: ActionContext,
): Promise<UpdateWithRevision> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    const pending = await findPendingUpdate(tx, incidentId);
    if (pending) {
      throw conflict(
        `This incident already has a ${pending.state} update (${pending.id}) waiting; edit it (PATCH /incidents/${incidentId}/updates/${pending.id}) or publish it first.`,
      );
    }
    throwIfInvalid(await checkUpdateContent(tx, incident, content));
    const [update] = await tx
      .insert(incidentUpdates)
      .values({
        id: newId(),
        incidentId,
        state: 'draft',
        ...updateContentValues(content),
        status: content.status,
        body: content.body,
        draftedBy: context.actor.userId,
        createdAt: at,
        updatedAt: at,
      })
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'update.draft',
      targetType: 'incident_update',
      targetId: update.id,
      detail: { incident_id: incidentId, status: update.status },
    });
    return withRevision(incident, update);
  });
}
