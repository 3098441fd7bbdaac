import type { ActionContext } from '../auth/actor';
import type { Transaction } from '../../db/client';
import { recordAudit } from '../audit/record-audit';
import { computeReschedulePlan } from './compute-reschedule-plan';
import { writeMoves } from './write-moves';

export type RescheduleResult = {
  moved: number;
  /** Affected but not movable: restoration unknown, or no free day within the search horizon. */
  waiting: number;
};

/**
 * Moves every appointment the incident now affects to its new date (the rule in api/appointments/README.md),
 * records each move and queues one applicant notification per move. Called inside the publish
 * transaction, after the incident row holds the published values. Idempotent: moved appointments
 * sit on or after restoration, outside the window, so a second run finds nobody; if restoration
 * slips later, those now inside the window move again (one new move each), and if it comes
 * earlier nobody is moved back (that is a staff decision, POST /appointments/{reference}/move).
 */
export async function rescheduleAffectedAppointments(
  tx: Transaction,
  incidentId: string,
  options: ActionContext,
): Promise<RescheduleResult> {
  const { scope, affected, plan } = await computeReschedulePlan(tx, incidentId, { includePending: false, now: options.now });
  if (!plan) return { moved: 0, waiting: affected.length };
  await writeMoves(
    tx,
    plan.moves.map((move) => ({ reference: move.reference, toDate: move.newDate })),
    {
      incidentId,
      reason: `Offices closed by "${scope.incident.name}" from ${scope.from}; serving again from ${scope.until}.`,
      movedBy: options.actor.userId,
      now: options.now,
    },
  );
  if (plan.moves.length > 0 || plan.unplaced.length > 0) {
    await recordAudit(tx, {
      actor: options.actor,
      action: 'appointments.reschedule',
      targetType: 'incident',
      targetId: incidentId,
      detail: { moved: plan.moves.length, waiting: plan.unplaced.length, restoration: scope.until },
    });
  }
  return { moved: plan.moves.length, waiting: plan.unplaced.length };
}
