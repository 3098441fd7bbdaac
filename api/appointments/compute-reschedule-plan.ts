import type { DatabaseOrTransaction } from '../../db/client';
import { loadBookedCounts } from '../offices/booked-counts';
import { nairobiDay } from '../offices/nairobi-days';
import { loadOfficeCapacity } from '../offices/office-capacity';
import { loadDisruptionScope, type DisruptionScope } from './disruption-scope';
import { closeDisruptedDays, loadOpenDisruptions } from './open-disruptions';
import { findAffectedAppointments, type AffectedAppointment } from './find-affected-appointments';
import { planNewDates, type ReschedulePlan } from './plan-new-dates';

export type ComputedReschedule = {
  scope: DisruptionScope;
  affected: AffectedAppointment[];
  /** Null while restoration is unknown: the affected wait, nobody can be moved yet. */
  plan: ReschedulePlan | null;
};

/**
 * Loads everything the rule needs with a handful of set-based queries (scope, affected rows,
 * capacities, booked counts) and computes the new dates in memory. Writes nothing.
 */
export async function computeReschedulePlan(
  db: DatabaseOrTransaction,
  incidentId: string,
  options: { includePending: boolean; now: Date },
): Promise<ComputedReschedule> {
  const scope = await loadDisruptionScope(db, incidentId, options);
  const affected = await findAffectedAppointments(db, scope);
  if (!scope.until || affected.length === 0) return { scope, affected, plan: scope.until ? { moves: [], unplaced: [] } : null };
  // A restoration day already past (entered late) must not send anyone to a day gone by.
  const today = nairobiDay(options.now);
  const firstDay = scope.until > today ? scope.until : today;
  const offices = [...new Set(affected.map((appointment) => appointment.office))];
  const otherDisruptions = await loadOpenDisruptions(db, { exceptIncidentId: incidentId, now: options.now });
  const officeCapacity = closeDisruptedDays(await loadOfficeCapacity(db, offices), otherDisruptions);
  const booked = await loadBookedCounts(db, { from: firstDay, offices });
  return { scope, affected, plan: planNewDates({ affected, restoration: firstDay, officeCapacity, booked }) };
}
