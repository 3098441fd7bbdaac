import { sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import type { AppointmentService } from '../../db/schema/index';
import { computeReschedulePlan } from './compute-reschedule-plan';
import { summarizeReschedule, type ReschedulePreview } from './preview-reschedule';

export type AffectedItem = {
  reference: string;
  service: AppointmentService;
  office: string;
  originalDate: string;
  /** Null while it waits: restoration unknown, or no free day within a year. */
  newDate: string | null;
  /** moved: already moved by this incident; to_move: publishing would move it; waiting: cannot be moved yet. */
  state: 'moved' | 'to_move' | 'waiting';
};

export type AffectedReport = {
  incidentId: string;
  expectedRestoration: string | null;
  /** True when a draft or approved update's components and restoration were used. */
  usesPendingUpdate: boolean;
  counts: {
    total: number;
    moved: number;
    toMove: number;
    waiting: number;
    byOfficeService: { office: string; service: AppointmentService; count: number }[];
    byOriginalDay: { date: string; count: number }[];
  };
  /** The page of items asked for, in order of original date then reference; empty when none was asked for. */
  items: AffectedItem[];
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
  /** page: the items to include, or null for counts only. */
  options: { now: Date; page: { limit: number; offset: number } | null; includePreview: boolean },
): Promise<AffectedReport> {
  const computed = await computeReschedulePlan(db, incidentId, { includePending: true, now: options.now });
  const items = new Map<string, AffectedItem>();
  const moved = await db.all<{ reference: string; service: AppointmentService; office_code: string; appointment_date: string; original_date: string }>(sql`
    SELECT a.reference, a.service, a.office_code, a.appointment_date, first.from_date AS original_date
    FROM (SELECT reference, from_date, min(id) FROM appointment_moves WHERE incident_id = ${incidentId} GROUP BY reference) AS first
    JOIN appointments AS a ON a.reference = first.reference`);
  for (const row of moved) {
    items.set(row.reference, { reference: row.reference, service: row.service, office: row.office_code, originalDate: row.original_date, newDate: row.appointment_date, state: 'moved' });
  }
  const planned = new Map((computed.plan?.moves ?? []).map((move) => [move.reference, move.newDate]));
  for (const appointment of computed.affected) {
    const newDate = planned.get(appointment.reference) ?? null;
    items.set(appointment.reference, {
      reference: appointment.reference,
      service: appointment.service,
      office: appointment.office,
      originalDate: appointment.originalDate,
      newDate,
      state: newDate ? 'to_move' : 'waiting',
    });
  }

  const all = [...items.values()].sort((a, b) => a.originalDate.localeCompare(b.originalDate) || a.reference.localeCompare(b.reference));
  const byOfficeService = new Map<string, { office: string; service: AppointmentService; count: number }>();
  const byDay = new Map<string, number>();
  for (const item of all) {
    const key = `${item.office}|${item.service}`;
    const group = byOfficeService.get(key) ?? { office: item.office, service: item.service, count: 0 };
    group.count++;
    byOfficeService.set(key, group);
    byDay.set(item.originalDate, (byDay.get(item.originalDate) ?? 0) + 1);
  }
  return {
    incidentId,
    expectedRestoration: computed.scope.until,
    usesPendingUpdate: computed.scope.usesPendingUpdate,
    counts: {
      total: all.length,
      moved: all.filter((item) => item.state === 'moved').length,
      toMove: all.filter((item) => item.state === 'to_move').length,
      waiting: all.filter((item) => item.state === 'waiting').length,
      byOfficeService: [...byOfficeService.values()].sort((a, b) => a.office.localeCompare(b.office) || a.service.localeCompare(b.service)),
      byOriginalDay: [...byDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
    },
    items: options.page ? all.slice(options.page.offset, options.page.offset + options.page.limit) : [],
    ...(options.includePreview && { preview: summarizeReschedule(computed) }),
  };
}
