import type { Database } from '../../db/client';
import { componentGroups, components, incidentComponents, incidents, incidentUpdates } from '../../db/schema/index';

const batch = 400;

/**
 * Fills a database with a realistic history for the site benchmarks: two offices with two
 * services each, `count` resolved incidents (two published updates each, one hour apart, oldest
 * first) and one open incident that later "publishes" land on.
 */
export async function seedHistory(db: Database, count: number): Promise<{ openIncidentId: string }> {
  await db.insert(componentGroups).values([
    { id: 'grp-nyh', name: 'Nyayo House, Nairobi', position: 1 },
    { id: 'grp-msa', name: 'Mombasa', position: 2 },
  ]);
  await db.insert(components).values([
    { id: 'cmp-nyh-app', name: 'Passport application receiving', groupId: 'grp-nyh', position: 1, service: 'application', officeCode: 'NYH' },
    { id: 'cmp-nyh-col', name: 'Passport collection', groupId: 'grp-nyh', position: 2, service: 'collection', officeCode: 'NYH' },
    { id: 'cmp-msa-app', name: 'Passport application receiving', groupId: 'grp-msa', position: 1, service: 'application', officeCode: 'MSA' },
    { id: 'cmp-msa-col', name: 'Passport collection', groupId: 'grp-msa', position: 2, service: 'collection', officeCode: 'MSA' },
  ]);
  const start = Date.parse('2020-01-01T06:00:00.000Z');
  const at = (i: number, hours: number) => new Date(start + i * 4 * 3_600_000 + hours * 3_600_000).toISOString();
  await db.transaction(async (tx) => {
    for (let from = 0; from < count; from += batch) {
      const ids = Array.from({ length: Math.min(batch, count - from) }, (_, k) => from + k);
      await tx.insert(incidents).values(
        ids.map((i) => ({
          id: `hist-${i}`,
          name: `Passport printing delays (${i})`,
          status: 'resolved' as const,
          impact: 'minor' as const,
          publishedAt: at(i, 0),
          startedAt: at(i, 0),
          resolvedAt: at(i, 1),
          createdAt: at(i, 0),
          updatedAt: at(i, 1),
        })),
      );
      await tx.insert(incidentComponents).values(ids.map((i) => ({ incidentId: `hist-${i}`, componentId: 'cmp-nyh-col', status: 'operational' as const })));
      await tx.insert(incidentUpdates).values(
        ids.flatMap((i) => [
          { id: `hist-${i}-a`, incidentId: `hist-${i}`, state: 'published' as const, status: 'investigating' as const, body: `Collection is slower than usual at Nyayo House (${i}).`, components: { 'cmp-nyh-col': 'degraded_performance' as const }, publishedAt: at(i, 0), createdAt: at(i, 0) },
          { id: `hist-${i}-b`, incidentId: `hist-${i}`, state: 'published' as const, status: 'resolved' as const, body: `Collection is back to normal (${i}).`, components: { 'cmp-nyh-col': 'operational' as const }, publishedAt: at(i, 1), createdAt: at(i, 1) },
        ]),
      );
    }
  });
  const openAt = at(count, 0);
  await db.insert(incidents).values({ id: 'open-outage', name: 'Passport system outage', status: 'investigating', impact: 'critical', publishedAt: openAt, startedAt: openAt, createdBy: null });
  await db.insert(incidentComponents).values({ incidentId: 'open-outage', componentId: 'cmp-nyh-app', status: 'major_outage' });
  await db.insert(incidentUpdates).values({ id: 'open-outage-1', incidentId: 'open-outage', state: 'published', status: 'investigating', body: 'Passport applications cannot be received at Nyayo House.', components: { 'cmp-nyh-app': 'major_outage' }, publishedAt: openAt });
  return { openIncidentId: 'open-outage' };
}
