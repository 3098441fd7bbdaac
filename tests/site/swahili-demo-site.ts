import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { componentGroups, components, incidents } from '../../db/schema/index';
import { insertDemoScenario } from './demo-scenario';

/** The Swahili names staff would give the demo's incidents, offices and services. */
export const swahiliNames = {
  incidents: {
    'inc-outage': 'Hitilafu ya mfumo wa pasipoti Nyayo House',
    'inc-old': 'Ucheleweshaji wa pasipoti Mombasa',
    'mnt-planned': 'Uboreshaji wa mfumo wa malipo',
  },
  components: {
    'cmp-nyh-app': 'Kupokea maombi ya pasipoti',
    'cmp-nyh-col': 'Kuchukua pasipoti',
    'cmp-msa-app': 'Kupokea maombi ya pasipoti Mombasa',
    'cmp-online': 'Malipo ya mtandaoni ya eCitizen',
  },
  groups: { 'grp-nyh': 'Nyayo House, Nairobi', 'grp-msa': 'Mombasa' },
} as const;

/** The demo outage with every incident, service and office named in Swahili too. */
export async function insertSwahiliDemoScenario(db: Database): Promise<void> {
  await insertDemoScenario(db);
  for (const [id, nameSw] of Object.entries(swahiliNames.incidents)) await db.update(incidents).set({ nameSw }).where(eq(incidents.id, id));
  for (const [id, nameSw] of Object.entries(swahiliNames.components)) await db.update(components).set({ nameSw }).where(eq(components.id, id));
  for (const [id, nameSw] of Object.entries(swahiliNames.groups)) await db.update(componentGroups).set({ nameSw }).where(eq(componentGroups.id, id));
}
