import { and, count, desc, eq, exists, inArray, isNotNull, isNull, notInArray, sql, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import {
  closedIncidentStatuses,
  incidentComponents,
  incidentUpdates,
  incidents,
  type ComponentStatus,
  type IncidentKind,
  type IncidentRow,
} from '../../db/schema/index';
import { listUpdates, loadIncident } from './incident-records';
import { withRevision, type UpdateWithRevision } from './revision';

/** draft: never published; open/closed: published and not yet / already resolved; pending: has an update waiting. */
export const incidentStates = ['draft', 'open', 'closed', 'pending'] as const;
export type IncidentState = (typeof incidentStates)[number];

export type IncidentSummary = IncidentRow & { components: Record<string, ComponentStatus>; pendingUpdateId: string | null };
/** The pending update carries the revision a reviewer names to approve or publish it. */
export type IncidentDetail = IncidentSummary & { updates: UpdateWithRevision[] };

const pendingStates = ['draft', 'approved'] as const;

function stateFilter(db: DatabaseOrTransaction, state: IncidentState): SQL | undefined {
  if (state === 'draft') return isNull(incidents.publishedAt);
  if (state === 'open') return and(isNotNull(incidents.publishedAt), notInArray(incidents.status, [...closedIncidentStatuses]));
  if (state === 'closed') return and(isNotNull(incidents.publishedAt), inArray(incidents.status, [...closedIncidentStatuses]));
  return exists(
    db
      .select({ one: sql`1` })
      .from(incidentUpdates)
      .where(and(eq(incidentUpdates.incidentId, incidents.id), inArray(incidentUpdates.state, [...pendingStates]))),
  );
}

async function summarize(db: DatabaseOrTransaction, rows: IncidentRow[]): Promise<IncidentSummary[]> {
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return [];
  const affected = await db.select().from(incidentComponents).where(inArray(incidentComponents.incidentId, ids));
  const pending = await db
    .select({ id: incidentUpdates.id, incidentId: incidentUpdates.incidentId })
    .from(incidentUpdates)
    .where(and(inArray(incidentUpdates.incidentId, ids), inArray(incidentUpdates.state, [...pendingStates])));
  return rows.map((row) => ({
    ...row,
    components: Object.fromEntries(affected.filter((a) => a.incidentId === row.id).map((a) => [a.componentId, a.status])),
    pendingUpdateId: pending.find((p) => p.incidentId === row.id)?.id ?? null,
  }));
}

/** Staff view of all incidents, drafts included, newest first. */
export async function listIncidents(
  db: DatabaseOrTransaction,
  options: { state?: IncidentState; kind?: IncidentKind; limit: number; offset: number },
): Promise<{ items: IncidentSummary[]; total: number }> {
  const where = and(options.state ? stateFilter(db, options.state) : undefined, options.kind ? eq(incidents.kind, options.kind) : undefined);
  const rows = await db
    .select()
    .from(incidents)
    .where(where)
    .orderBy(desc(incidents.createdAt), desc(sql`${incidents}.rowid`))
    .limit(options.limit)
    .offset(options.offset);
  const [{ total }] = await db.select({ total: count() }).from(incidents).where(where);
  return { items: await summarize(db, rows), total };
}

/** One incident with its affected components and every update (newest first), or a 404. */
export async function getIncidentDetail(db: DatabaseOrTransaction, incidentId: string): Promise<IncidentDetail> {
  const incident = await loadIncident(db, incidentId);
  const [summary] = await summarize(db, [incident]);
  const updates = await listUpdates(db, incidentId);
  return { ...summary, updates: updates.map((update) => withRevision(incident, update)) };
}
