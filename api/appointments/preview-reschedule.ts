import type { DatabaseOrTransaction } from '../../db/client';
import type { AppointmentService } from '../../db/schema/index';
import { daysBetween } from '../offices/nairobi-days';
import { computeReschedulePlan, type ComputedReschedule } from './compute-reschedule-plan';

export type ReschedulePreview = {
  /** Restoration date the preview assumes (the pending update's, else the incident's). */
  expectedRestoration: string | null;
  affected: number;
  offices: { office: string; service: AppointmentService; count: number; firstNewDate: string | null; lastNewDate: string | null }[];
  /** Applicants whose new date is more than 21 days after their original date. */
  waitingOver21Days: number;
  /** Affected appointments that would get no new date (restoration unknown, or no free day within a year). */
  unplaced: number;
};

/**
 * What publishing the incident's pending update (or re-running the rule on the published
 * incident) would do to appointments, computed without writing anything.
 */
export async function previewReschedule(db: DatabaseOrTransaction, incidentId: string, options: { now: Date }): Promise<ReschedulePreview> {
  return summarizeReschedule(await computeReschedulePlan(db, incidentId, { includePending: true, now: options.now }));
}

/** First and last new date per office and service, and who would wait more than three weeks. */
export function summarizeReschedule({ scope, affected, plan }: ComputedReschedule): ReschedulePreview {
  const groups = new Map<string, ReschedulePreview['offices'][number]>();
  const groupOf = (office: string, service: AppointmentService) => {
    const key = `${office}|${service}`;
    let group = groups.get(key);
    if (!group) {
      group = { office, service, count: 0, firstNewDate: null, lastNewDate: null };
      groups.set(key, group);
    }
    return group;
  };
  let waitingOver21Days = 0;
  for (const appointment of affected) groupOf(appointment.office, appointment.service).count++;
  for (const move of plan?.moves ?? []) {
    const group = groupOf(move.office, move.service);
    if (!group.firstNewDate || move.newDate < group.firstNewDate) group.firstNewDate = move.newDate;
    if (!group.lastNewDate || move.newDate > group.lastNewDate) group.lastNewDate = move.newDate;
    if (daysBetween(move.originalDate, move.newDate) > 21) waitingOver21Days++;
  }
  return {
    expectedRestoration: scope.until,
    affected: affected.length,
    offices: [...groups.values()].sort((a, b) => a.office.localeCompare(b.office) || a.service.localeCompare(b.service)),
    waitingOver21Days,
    unplaced: plan ? plan.unplaced.length : affected.length,
  };
}
