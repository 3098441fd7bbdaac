import type { Transaction } from '../../db/client';

export type RescheduleResult = { moved: number };

/**
 * Moves every appointment the incident now affects to its new date (the rule in DESIGN.md),
 * records each move and queues one applicant notification per move. Called inside the publish
 * transaction. Placeholder until the appointments domain lands.
 */
export async function rescheduleAffectedAppointments(
  _tx: Transaction,
  _incidentId: string,
  _options: { now: Date; tokenId: string | null },
): Promise<RescheduleResult> {
  return { moved: 0 };
}
