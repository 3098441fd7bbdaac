import { and, eq, isNotNull, sql, type Column, type SQL } from 'drizzle-orm';
import type { Database } from '../../db/client';
import {
  componentGroups,
  components,
  incidentComponents,
  incidents,
  incidentUpdates,
  type IncidentComponentRow,
  type IncidentRow,
  type IncidentUpdateRow,
} from '../../db/schema/index';
import { assemblePublishedData } from './assemble-published-data';
import type { PublishedData } from './public-model';

/**
 * `json_group_array(json_object(...))` over the given columns, keyed by the schema's property
 * names. With ten thousand incidents, SQLite building one JSON text is about ten times faster
 * than materialising tens of thousands of row objects through the driver.
 */
export function jsonRows(columns: Record<string, Column>, jsonColumns: readonly string[] = []): SQL<string> {
  const pairs = Object.entries(columns).map(([key, column]) =>
    jsonColumns.includes(key) ? sql`${key}, json(${column})` : sql`${key}, ${column}`,
  );
  return sql<string>`json_group_array(json_object(${sql.join(pairs, sql`, `)}))`;
}

export const incidentColumns = {
  id: incidents.id,
  kind: incidents.kind,
  name: incidents.name,
  nameSw: incidents.nameSw,
  status: incidents.status,
  impact: incidents.impact,
  disruptionFrom: incidents.disruptionFrom,
  expectedRestoration: incidents.expectedRestoration,
  scheduledFor: incidents.scheduledFor,
  scheduledUntil: incidents.scheduledUntil,
  postmortem: incidents.postmortem,
  postmortemPublishedAt: incidents.postmortemPublishedAt,
  publishedAt: incidents.publishedAt,
  startedAt: incidents.startedAt,
  monitoringAt: incidents.monitoringAt,
  resolvedAt: incidents.resolvedAt,
  createdAt: incidents.createdAt,
  updatedAt: incidents.updatedAt,
};

export const updateColumns = {
  id: incidentUpdates.id,
  incidentId: incidentUpdates.incidentId,
  state: incidentUpdates.state,
  status: incidentUpdates.status,
  body: incidentUpdates.body,
  bodySw: incidentUpdates.bodySw,
  components: incidentUpdates.components,
  publishedAt: incidentUpdates.publishedAt,
};

type PublishedIncident = Pick<IncidentRow, keyof typeof incidentColumns>;
type PublishedUpdate = Pick<IncidentUpdateRow, keyof typeof updateColumns>;

/**
 * Reads what the public may see, straight from the database (a file or a libSQL server alike):
 * only incidents that were published, and only their published updates; no staff names. One
 * transaction, so a publish landing mid-read cannot give a page half of it.
 */
export async function readPublishedData(db: Database): Promise<PublishedData> {
  const rows = await db.transaction(
    async (tx) => {
      // One statement at a time: a transaction holds a single connection.
      const componentRows = await tx.select().from(components);
      const groupRows = await tx.select().from(componentGroups);
      const [incidentJson] = await tx
        .select({ rows: jsonRows(incidentColumns) })
        .from(incidents)
        .where(isNotNull(incidents.publishedAt));
      const [linkJson] = await tx
        .select({ rows: jsonRows({ incidentId: incidentComponents.incidentId, componentId: incidentComponents.componentId, status: incidentComponents.status }) })
        .from(incidentComponents)
        .innerJoin(incidents, eq(incidents.id, incidentComponents.incidentId))
        .where(isNotNull(incidents.publishedAt));
      const [updateJson] = await tx
        .select({ rows: jsonRows(updateColumns, ['components']) })
        .from(incidentUpdates)
        .where(and(eq(incidentUpdates.state, 'published'), isNotNull(incidentUpdates.publishedAt)));
      return {
        components: componentRows,
        groups: groupRows,
        incidents: JSON.parse(incidentJson.rows) as PublishedIncident[],
        incidentComponents: JSON.parse(linkJson.rows) as IncidentComponentRow[],
        updates: JSON.parse(updateJson.rows) as PublishedUpdate[],
      };
    },
    { behavior: 'deferred' },
  );
  return assemblePublishedData(rows);
}
