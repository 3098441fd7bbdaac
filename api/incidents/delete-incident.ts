import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { incidents } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { conflict } from '../domain-errors';
import type { ActionContext } from '../auth/actor';
import { loadIncident } from './incident-records';

/**
 * Deletes an incident that was never published (a draft nobody saw), with its updates. A
 * published incident is part of the public record and stays; resolve it instead.
 */
export async function deleteIncident(db: Database, incidentId: string, context: ActionContext): Promise<void> {
  await db.transaction(async (tx) => {
    const incident = await loadIncident(tx, incidentId);
    if (incident.publishedAt !== null) {
      throw conflict('This incident has been published and stays on the public record; publish a resolving update instead of deleting it.');
    }
    await tx.delete(incidents).where(eq(incidents.id, incidentId));
    await recordAudit(tx, {
      actor: context.actor,
      action: 'incident.delete',
      targetType: 'incident',
      targetId: incidentId,
      detail: { kind: incident.kind },
    });
  });
}
