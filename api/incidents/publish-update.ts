import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { incidentUpdates, type IncidentRow, type IncidentUpdateRow } from '../../db/schema/index';
import { rescheduleAffectedAppointments, type RescheduleResult } from '../appointments/reschedule-affected-appointments';
import { recordAudit } from '../audit/record-audit';
import { enqueueUpdateDeliveries } from '../broadcast/outbox/enqueue-update-deliveries';
import { conflict } from '../domain-errors';
import { applyUpdateToIncident } from './apply-update-to-incident';
import type { ActionContext } from '../auth/actor';
import { assertMayPublish } from './four-eyes';
import { findPendingUpdate, loadIncident } from './incident-records';
import { assertReviewedRevision } from './reviewed-revision';
import { revisionOf } from './revision';

export type PublishResult = { incident: IncidentRow; update: IncidentUpdateRow; rescheduled: RescheduleResult };

/**
 * Publishes the incident's pending update, all in one transaction: the update, its effect on the
 * incident and its components, the appointments it moves and the messages it queues either all
 * happen or none do. `expectedRevision` names the content the publisher reviewed (revision.ts);
 * trusted scripts pass pendingRevision(). The caller schedules the site build after this returns.
 */
export async function publishUpdate(
  db: Database,
  incidentId: string,
  context: ActionContext & { expectedRevision: string | null; overrideReason?: string | null },
): Promise<PublishResult> {
  const at = context.now.toISOString();
  const { actor } = context;
  const overrideReason = context.overrideReason?.trim() || null;
  return db.transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    const pending = await findPendingUpdate(tx, incidentId);
    if (!pending) {
      throw conflict('This incident has no draft or approved update to publish; draft one first (POST /incidents/{id}/updates).');
    }
    assertMayPublish(pending, actor, overrideReason);
    const revision = revisionOf(incident, pending);
    assertReviewedRevision(context.expectedRevision, revision, { incidentId, action: 'publish' });
    const [update] = await tx
      .update(incidentUpdates)
      .set({
        state: 'published',
        approvedBy: pending.approvedBy ?? actor.userId,
        approvedAt: pending.approvedAt ?? at,
        publishedBy: actor.userId,
        publishedAt: at,
        overrideReason,
        updatedAt: at,
      })
      .where(eq(incidentUpdates.id, pending.id))
      .returning();
    const applied = await applyUpdateToIncident(tx, incident, update, at);
    const rescheduled = await rescheduleAffectedAppointments(tx, incidentId, context);
    await enqueueUpdateDeliveries(tx, { incidentId, updateId: update.id, now: context.now });
    await recordAudit(tx, {
      actor,
      action: 'update.publish',
      targetType: 'incident_update',
      targetId: update.id,
      detail: {
        incident_id: incidentId,
        status: update.status,
        first_publish: incident.publishedAt === null,
        drafted_by: update.draftedBy,
        approved_by: update.approvedBy,
        moved: rescheduled.moved,
        revision,
        ...(overrideReason ? { override_reason: overrideReason } : {}),
      },
    });
    return { incident: applied, update, rescheduled };
  });
}
