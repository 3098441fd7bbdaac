import type { z } from '@hono/zod-openapi';
import type { AffectedItem, AffectedReport } from '../../../appointments/affected-appointments';
import { listJson, type Paging } from '../../../http/paging';
import { reschedulePreviewJson } from '../preview/json';
import type { AffectedAppointmentSchema, AffectedSchema } from './schema';

export function affectedAppointmentJson(item: AffectedItem): z.infer<typeof AffectedAppointmentSchema> {
  return {
    reference: item.reference,
    service: item.service,
    office: item.office,
    original_date: item.originalDate,
    new_date: item.newDate,
    state: item.state,
  };
}

/** The report on the wire; `itemsVisible` false (drafters) leaves the list empty with total 0, so paging ends at once. */
export function affectedJson(report: AffectedReport, paging: Paging, itemsVisible: boolean): z.infer<typeof AffectedSchema> {
  const { counts } = report;
  return {
    incident_id: report.incidentId,
    expected_restoration: report.expectedRestoration,
    uses_pending_update: report.usesPendingUpdate,
    counts: {
      total: counts.total,
      moved: counts.moved,
      to_move: counts.toMove,
      waiting: counts.waiting,
      by_office_service: counts.byOfficeService,
      by_original_day: counts.byOriginalDay,
    },
    ...listJson(report.items.map(affectedAppointmentJson), itemsVisible ? counts.total : 0, paging),
    ...(report.preview && { preview: reschedulePreviewJson(report.preview) }),
  };
}
