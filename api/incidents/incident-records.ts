import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { incidentUpdates, incidents, type IncidentRow, type IncidentUpdateRow } from '../../db/schema/index';
import { conflict, notFound } from '../domain-errors';

/** The incident, or a 404 naming the id. */
export async function loadIncident(db: DatabaseOrTransaction, incidentId: string): Promise<IncidentRow> {
  const [incident] = await db.select().from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound('incident', incidentId);
  return incident;
}

/** The update of this incident, or a 404 naming the id. */
export async function loadUpdate(db: DatabaseOrTransaction, incidentId: string, updateId: string): Promise<IncidentUpdateRow> {
  const [update] = await db
    .select()
    .from(incidentUpdates)
    .where(and(eq(incidentUpdates.id, updateId), eq(incidentUpdates.incidentId, incidentId)));
  if (!update) throw notFound('update of this incident', updateId);
  return update;
}

/** The draft or approved update waiting to be published; there is at most one per incident. */
export async function findPendingUpdate(db: DatabaseOrTransaction, incidentId: string): Promise<IncidentUpdateRow | undefined> {
  const [pending] = await db
    .select()
    .from(incidentUpdates)
    .where(and(eq(incidentUpdates.incidentId, incidentId), inArray(incidentUpdates.state, ['draft', 'approved'])));
  return pending;
}

/** A pending update can be edited or approved; a published one is history. */
export function assertPending(update: IncidentUpdateRow): void {
  if (update.state === 'published') {
    throw conflict('This update is published and is never edited; corrections are new updates (POST /incidents/{id}/updates).');
  }
}

/** All updates of an incident, newest first (the order of the public timeline). */
export function listUpdates(db: DatabaseOrTransaction, incidentId: string): Promise<IncidentUpdateRow[]> {
  return db
    .select()
    .from(incidentUpdates)
    .where(eq(incidentUpdates.incidentId, incidentId))
    .orderBy(desc(incidentUpdates.createdAt), desc(sql`rowid`));
}
