import { and, eq, isNotNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { componentGroups, components, incidentComponents, incidents, incidentUpdates } from '../../db/schema/index';
import { assemblePublishedData } from './assemble-published-data';
import type { PublishedData } from './public-model';

/**
 * Reads what the public may see, straight from the database (a file or a libSQL server alike):
 * only incidents that were published, and only their published updates. Everything is read in one
 * transaction so a publish landing mid-read cannot give a page half of it.
 */
export async function readPublishedData(db: Database): Promise<PublishedData> {
  const rows = await db.transaction(
    async (tx) => {
      // One statement at a time: a transaction holds a single connection.
      const componentRows = await tx.select().from(components);
      const groupRows = await tx.select().from(componentGroups);
      const incidentRows = await tx.select().from(incidents).where(isNotNull(incidents.publishedAt));
      const linkRows = await tx
        .select({ incidentId: incidentComponents.incidentId, componentId: incidentComponents.componentId, status: incidentComponents.status })
        .from(incidentComponents)
        .innerJoin(incidents, eq(incidents.id, incidentComponents.incidentId))
        .where(isNotNull(incidents.publishedAt));
      const updateRows = await tx
        .select()
        .from(incidentUpdates)
        .where(and(eq(incidentUpdates.state, 'published'), isNotNull(incidentUpdates.publishedAt)));
      return { components: componentRows, groups: groupRows, incidents: incidentRows, incidentComponents: linkRows, updates: updateRows };
    },
    { behavior: 'deferred' },
  );
  return assemblePublishedData(rows);
}
