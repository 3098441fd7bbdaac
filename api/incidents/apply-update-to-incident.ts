import { eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../db/client';
import {
  closedIncidentStatuses,
  incidentComponents,
  incidents,
  type IncidentRow,
  type IncidentStatus,
  type IncidentUpdateRow,
} from '../../db/schema/index';
import { conflict } from '../domain-errors';
import { checkComponentsExist } from './incident-input-rules';

const monitoringStatuses: readonly IncidentStatus[] = ['monitoring', 'verifying'];
const closedStatuses: readonly IncidentStatus[] = closedIncidentStatuses;

/** The incident's fields once `update` is published at `at` (pure: the rule in one place). */
export function incidentFieldsAfter(incident: IncidentRow, update: IncidentUpdateRow, at: string) {
  return {
    status: update.status,
    // An update that leaves the restoration date out keeps the one already announced.
    expectedRestoration: update.expectedRestoration ?? incident.expectedRestoration,
    publishedAt: incident.publishedAt ?? at,
    startedAt: incident.startedAt ?? at,
    monitoringAt: monitoringStatuses.includes(update.status) ? (incident.monitoringAt ?? at) : incident.monitoringAt,
    // Reopening an incident clears its resolution time.
    resolvedAt: closedStatuses.includes(update.status) ? (incident.resolvedAt ?? at) : null,
    updatedAt: at,
  };
}

/**
 * Makes a published update's changes public: the incident's status and dates, and the status of
 * each component it names. Components it does not name keep their status in this incident.
 */
export async function applyUpdateToIncident(
  tx: Transaction,
  incident: IncidentRow,
  update: IncidentUpdateRow,
  at: string,
): Promise<IncidentRow> {
  const missing = await checkComponentsExist(tx, update.components);
  if (missing.length > 0) {
    throw conflict(
      `This update names components that were deleted since it was drafted (${missing.map((e) => e.field).join(', ')}); edit its components and publish again.`,
    );
  }
  const [applied] = await tx.update(incidents).set(incidentFieldsAfter(incident, update, at)).where(eq(incidents.id, incident.id)).returning();
  const rows = Object.entries(update.components).map(([componentId, status]) => ({ incidentId: incident.id, componentId, status }));
  if (rows.length > 0) {
    await tx
      .insert(incidentComponents)
      .values(rows)
      .onConflictDoUpdate({ target: [incidentComponents.incidentId, incidentComponents.componentId], set: { status: sql`excluded.status` } });
  }
  return applied;
}
