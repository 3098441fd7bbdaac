import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { incidentUpdates, incidents, type IncidentImpact, type IncidentRow } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { badRequest, conflict, forbidden } from '../domain-errors';
import type { ActionContext } from '../auth/actor';
import { checkRestoration, checkSchedule, throwIfInvalid, toIsoInstant } from './incident-input-rules';
import { dayOf } from '../offices/nairobi-days';
import { findPendingUpdate, loadIncident } from './incident-records';
import { revisionOf } from './revision';

/** The incident's own fields staff may change directly (status and components change through updates). */
export type IncidentChanges = {
  name?: string;
  /** Null or blank: the Swahili pages show `name`. */
  nameSw?: string | null;
  impact?: IncidentImpact;
  postmortem?: string | null;
  scheduledFor?: string | null;
  scheduledUntil?: string | null;
  /** Only while the incident was never published: it decides whose appointments move. */
  disruptionFrom?: string | null;
};

/**
 * A saved postmortem is public (with the incident, once that is published), so saving new text
 * stamps when it was published; clearing it clears the time, and saving the same text keeps it.
 */
function postmortemValues(current: IncidentRow, postmortem: string | null, at: string) {
  if (postmortem === current.postmortem) return { postmortem };
  return { postmortem, postmortemPublishedAt: postmortem === null ? null : at };
}

/**
 * Edits an incident; `publicChange` says whether the public site must be rebuilt. Once published,
 * only publishers and admins may edit it: the change is public at once. These fields go out with
 * the pending update too, so a change to what it would release withdraws its approval: an
 * approval covers exactly what a publish sends.
 */
export async function editIncident(
  db: Database,
  incidentId: string,
  changes: IncidentChanges,
  context: ActionContext,
): Promise<{ incident: IncidentRow; publicChange: boolean }> {
  const at = context.now.toISOString();
  return db.transaction(async (tx) => {
    const current = await loadIncident(tx, incidentId);
    if (current.publishedAt !== null && context.actor.role === 'drafter') {
      // A published incident's fields are public at once, like a component's status.
      throw forbidden('This incident is public, so only a publisher or admin may edit it directly; draft an update for them instead.');
    }
    if (changes.disruptionFrom !== undefined && current.publishedAt !== null) {
      throw conflict(
        'disruption_from cannot change once the incident is published, because appointments were moved from it; publish an update with a new expected_restoration instead.',
      );
    }
    const values = {
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.nameSw !== undefined ? { nameSw: changes.nameSw?.trim() || null } : {}),
      ...(changes.impact !== undefined ? { impact: changes.impact } : {}),
      ...(changes.postmortem !== undefined ? postmortemValues(current, changes.postmortem || null, at) : {}),
      ...(changes.scheduledFor !== undefined ? { scheduledFor: changes.scheduledFor && toIsoInstant(changes.scheduledFor) } : {}),
      ...(changes.scheduledUntil !== undefined ? { scheduledUntil: changes.scheduledUntil && toIsoInstant(changes.scheduledUntil) } : {}),
      ...(changes.disruptionFrom !== undefined ? { disruptionFrom: changes.disruptionFrom && dayOf(changes.disruptionFrom) } : {}),
    };
    if (Object.keys(values).length === 0) throw badRequest('Send at least one field to change.', [{ field: '(body)', message: 'No field to change.' }]);
    const merged = { ...current, ...values };
    const pending = await findPendingUpdate(tx, incidentId);
    throwIfInvalid([
      ...(merged.name === '' ? [{ field: 'name', message: 'The name cannot be empty.' }] : []),
      ...checkSchedule(merged.kind, merged.scheduledFor, merged.scheduledUntil),
      ...checkRestoration(merged.disruptionFrom, pending?.expectedRestoration ?? merged.expectedRestoration).map((error) => ({
        ...error,
        field: 'disruption_from',
      })),
    ]);
    const [incident] = await tx
      .update(incidents)
      .set({ ...values, updatedAt: at })
      .where(eq(incidents.id, incidentId))
      .returning();
    await recordAudit(tx, {
      actor: context.actor,
      action: 'incident.update',
      targetType: 'incident',
      targetId: incidentId,
      detail: { fields: Object.keys(values) },
    });
    if (pending?.state === 'approved' && revisionOf(current, pending) !== revisionOf(incident, pending)) {
      await tx
        .update(incidentUpdates)
        .set({ state: 'draft', approvedBy: null, approvedAt: null, updatedAt: at })
        .where(eq(incidentUpdates.id, pending.id));
      await recordAudit(tx, {
        actor: context.actor,
        action: 'update.approval_withdrawn',
        targetType: 'incident_update',
        targetId: pending.id,
        detail: { incident_id: incidentId, approved_by: pending.approvedBy, fields: Object.keys(values) },
      });
    }
    return { incident, publicChange: current.publishedAt !== null };
  });
}
