import { and, eq, gt, inArray, isNotNull, max, type Column } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { componentGroups, components, incidentComponents, incidents, incidentUpdates, siteChanges } from '../../../db/schema/index';
import type { PublishedRows } from '../../status/published-rows';
// The same columns and the same one-JSON-text reads as a full read of the published data.
import { incidentColumns, jsonRows, updateColumns } from '../../status/read-published-data';

/**
 * What one build reads: the components and groups (a handful of rows, always whole), and either
 * every published incident (`changed: null`) or only those noted in `site_changes` since the
 * previous read (`changed`: their ids, whether still published or not). `cursor` is where the
 * next read starts.
 */
export type SiteRead = {
  cursor: number;
  changed: string[] | null;
  rows: PublishedRows;
};

/**
 * Reads what the public may see (published incidents and their published updates only; no staff
 * names), in one transaction so a publish landing mid-read cannot give a page half of it. With a
 * cursor, only the incidents changed since: the cost of a publish is what it changed, not the
 * history. A cursor the table has gone behind (a database restored under a running builder) reads
 * everything.
 */
export async function readSiteChanges(db: Database, since: number | null): Promise<SiteRead> {
  return db.transaction(
    async (tx) => {
      // One statement at a time: a transaction holds a single connection.
      const [{ cursor }] = await tx.select({ cursor: max(siteChanges.seq) }).from(siteChanges);
      const latest = cursor ?? 0;
      const partial = since !== null && since <= latest;
      const changed = partial
        ? (await tx.selectDistinct({ id: siteChanges.incidentId }).from(siteChanges).where(gt(siteChanges.seq, since))).map((row) => row.id)
        : null;
      const componentRows = await tx.select().from(components);
      const groupRows = await tx.select().from(componentGroups);
      if (changed?.length === 0) {
        return { cursor: latest, changed, rows: { components: componentRows, groups: groupRows, incidents: [], incidentComponents: [], updates: [] } };
      }
      // The changed ids as a subquery: one parameter however many there are.
      const changedIds = tx.select({ id: siteChanges.incidentId }).from(siteChanges).where(gt(siteChanges.seq, since ?? 0));
      const only = (column: Column) => (partial ? inArray(column, changedIds) : undefined);
      const [incidentJson] = await tx
        .select({ rows: jsonRows(incidentColumns) })
        .from(incidents)
        .where(and(isNotNull(incidents.publishedAt), only(incidents.id)));
      const [linkJson] = await tx
        .select({ rows: jsonRows({ incidentId: incidentComponents.incidentId, componentId: incidentComponents.componentId, status: incidentComponents.status }) })
        .from(incidentComponents)
        .innerJoin(incidents, eq(incidents.id, incidentComponents.incidentId))
        .where(and(isNotNull(incidents.publishedAt), only(incidentComponents.incidentId)));
      const [updateJson] = await tx
        .select({ rows: jsonRows(updateColumns, ['components']) })
        .from(incidentUpdates)
        .where(and(eq(incidentUpdates.state, 'published'), isNotNull(incidentUpdates.publishedAt), only(incidentUpdates.incidentId)));
      return {
        cursor: latest,
        changed,
        rows: {
          components: componentRows,
          groups: groupRows,
          incidents: JSON.parse(incidentJson.rows) as PublishedRows['incidents'],
          incidentComponents: JSON.parse(linkJson.rows) as PublishedRows['incidentComponents'],
          updates: JSON.parse(updateJson.rows) as PublishedRows['updates'],
        },
      };
    },
    { behavior: 'deferred' },
  );
}
