import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { AppointmentService } from '../../db/schema/index';
import { computeReschedulePlan } from './compute-reschedule-plan';
import { summarizeReschedule, type ReschedulePreview } from './preview-reschedule';

export type AffectedItem = {
  reference: string;
  service: AppointmentService;
  office: string;
  original_date: string;
  /** Null while it waits: restoration unknown, or no free day within a year. */
  new_date: string | null;
  /** moved: already moved by this incident; to_move: publishing would move it; waiting: cannot be moved yet. */
  state: 'moved' | 'to_move' | 'waiting';
};

export type AffectedReport = {
  incident_id: string;
  expected_restoration: string | null;
  /** True when a draft or approved update's components and restoration were used. */
  uses_pending_update: boolean;
  counts: {
    total: number;
    moved: number;
    to_move: number;
    waiting: number;
    by_office_service: { office: string; service: AppointmentService; count: number }[];
    by_original_day: { date: string; count: number }[];
  };
  items?: AffectedItem[];
  limit?: number;
  offset?: number;
  preview?: ReschedulePreview;
};

/**
 * Every appointment the incident disrupts: those it already moved, and those inside its window
 * as its pending update (if any) would leave it, with the date the rule would give them. Items
 * carry references, so callers show them to publishers and admins only; counts are for anyone.
 */
export async function affectedAppointments(
  db: Database,
  incidentId: string,
  /** items: the page of items to include, or null for counts only. */
  options: { now: Date; items: { limit: number; offset: number } | null; includePreview: boolean },
): Promise<AffectedReport> {
  const computed = await computeReschedulePlan(db, incidentId, { includePending: true, now: options.now });
  const items = new Map<string, AffectedItem>();
  const moved = await db.all<{ reference: string; service: AppointmentService; office_code: string; appointment_date: string; original_date: string }>(sql`
    SELECT a.reference, a.service, a.office_code, a.appointment_date, first.from_date AS original_date
    FROM (SELECT reference, from_date, min(id) FROM appointment_moves WHERE incident_id = ${incidentId} GROUP BY reference) AS first
    JOIN appointments AS a ON a.reference = first.reference`);
  for (const row of moved) {
    items.set(row.reference, { reference: row.reference, service: row.service, office: row.office_code, original_date: row.original_date, new_date: row.appointment_date, state: 'moved' });
  }
  const planned = new Map((computed.plan?.moves ?? []).map((move) => [move.reference, move.newDate]));
  for (const appointment of computed.affected) {
    const newDate = planned.get(appointment.reference) ?? null;
    items.set(appointment.reference, {
      reference: appointment.reference,
      service: appointment.service,
      office: appointment.office,
      original_date: appointment.originalDate,
      new_date: newDate,
      state: newDate ? 'to_move' : 'waiting',
    });
  }

  const all = [...items.values()].sort((a, b) => a.original_date.localeCompare(b.original_date) || a.reference.localeCompare(b.reference));
  const byOfficeService = new Map<string, { office: string; service: AppointmentService; count: number }>();
  const byDay = new Map<string, number>();
  for (const item of all) {
    const key = `${item.office}|${item.service}`;
    const group = byOfficeService.get(key) ?? { office: item.office, service: item.service, count: 0 };
    group.count++;
    byOfficeService.set(key, group);
    byDay.set(item.original_date, (byDay.get(item.original_date) ?? 0) + 1);
  }
  return {
    incident_id: incidentId,
    expected_restoration: computed.scope.until,
    uses_pending_update: computed.scope.usesPendingUpdate,
    counts: {
      total: all.length,
      moved: all.filter((item) => item.state === 'moved').length,
      to_move: all.filter((item) => item.state === 'to_move').length,
      waiting: all.filter((item) => item.state === 'waiting').length,
      by_office_service: [...byOfficeService.values()].sort((a, b) => a.office.localeCompare(b.office) || a.service.localeCompare(b.service)),
      by_original_day: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
    },
    ...(options.items && { items: all.slice(options.items.offset, options.items.offset + options.items.limit), ...options.items }),
    ...(options.includePreview && { preview: summarizeReschedule(computed) }),
  };
}
