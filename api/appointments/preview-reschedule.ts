import type { Database } from '../../db/client';

export type ReschedulePreview = {
  /** Restoration date the preview assumes (the pending update's, else the incident's). */
  expectedRestoration: string | null;
  affected: number;
  offices: { office: string; service: string; count: number; firstNewDate: string | null; lastNewDate: string | null }[];
  /** Applicants whose new date is more than 21 days after their original date. */
  waitingOver21Days: number;
};

/**
 * What publishing the incident's pending update would do to appointments, computed without
 * writing anything. Placeholder until the appointments domain lands.
 */
export async function previewReschedule(_db: Database, _incidentId: string, _options: { now: Date }): Promise<ReschedulePreview> {
  return { expectedRestoration: null, affected: 0, offices: [], waitingOver21Days: 0 };
}
