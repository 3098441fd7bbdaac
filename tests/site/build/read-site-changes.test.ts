import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readSiteChanges } from '../../../api/site/build/read-site-changes';
import { components, incidents, incidentUpdates } from '../../../db/schema/index';
import { createTestContext, type TestContext } from '../../support/test-context';
import { insertDemoScenario, secretTexts } from '../demo-scenario';

let t: TestContext;
beforeEach(async () => {
  t = await createTestContext();
  await insertDemoScenario(t.db);
});
afterEach(() => t.close());

const texts = (read: Awaited<ReturnType<typeof readSiteChanges>>) => JSON.stringify(read.rows);

// The database notes which incidents changed (triggers on incidents, their updates and their
// components), so a build after a publish reads that incident, not the history.
describe('readSiteChanges', () => {
  it('reads every published incident without a cursor, and nothing unpublished', async () => {
    const read = await readSiteChanges(t.db, null);
    expect(read.changed).toBeNull();
    expect(read.cursor).toBeGreaterThan(0);
    expect(read.rows.incidents.map((i) => i.id).sort()).toEqual(['inc-old', 'inc-outage', 'mnt-planned']);
    for (const secret of Object.values(secretTexts)) expect(texts(read)).not.toContain(secret);
  });

  it('after a publish reads only that incident, and with nothing changed no incident at all', async () => {
    const { cursor } = await readSiteChanges(t.db, null);
    const idle = await readSiteChanges(t.db, cursor);
    expect(idle).toMatchObject({ cursor, changed: [], rows: { incidents: [], updates: [], incidentComponents: [] } });
    expect(idle.rows.components).toHaveLength(4);

    await t.db.insert(incidentUpdates).values({ id: 'upd-new', incidentId: 'inc-outage', state: 'published', status: 'identified', body: 'Receiving resumes Monday.', publishedAt: '2026-11-25T07:00:00.000Z' });
    const read = await readSiteChanges(t.db, cursor);
    expect(read.cursor).toBeGreaterThan(cursor);
    expect(read.changed).toEqual(['inc-outage']);
    expect(read.rows.incidents.map((i) => i.id)).toEqual(['inc-outage']);
    expect(read.rows.updates.map((u) => u.id).sort()).toEqual(['upd-1', 'upd-2', 'upd-new']);
    expect(read.rows.incidentComponents).toEqual([{ incidentId: 'inc-outage', componentId: 'cmp-nyh-app', status: 'major_outage' }]);
    expect(texts(read)).not.toContain(secretTexts.draftUpdate);
    expect(texts(read)).not.toContain(secretTexts.approvedUpdate);
  });

  it('names changed incidents that are not public, so their pages can go, and never reads them', async () => {
    const { cursor } = await readSiteChanges(t.db, null);
    await t.db.update(incidentUpdates).set({ body: `${secretTexts.unpublishedBody} (edited)` }).where(eq(incidentUpdates.id, 'upd-hidden'));
    await t.db.delete(incidents).where(eq(incidents.id, 'inc-old'));
    const read = await readSiteChanges(t.db, cursor);
    expect(read.changed?.sort()).toEqual(['inc-hidden', 'inc-old']);
    expect(read.rows.incidents).toEqual([]);
    expect(texts(read)).not.toContain(secretTexts.unpublishedBody);
  });

  it('notes the incidents of a removed component', async () => {
    const { cursor } = await readSiteChanges(t.db, null);
    await t.db.delete(components).where(eq(components.id, 'cmp-online'));
    const read = await readSiteChanges(t.db, cursor);
    expect(read.changed).toEqual(['mnt-planned']);
    expect(read.rows.components.map((c) => c.id)).not.toContain('cmp-online');
  });

  it('reads everything again from a cursor the database has gone behind (a restored copy)', async () => {
    const { cursor } = await readSiteChanges(t.db, null);
    const read = await readSiteChanges(t.db, cursor + 1_000);
    expect(read.changed).toBeNull();
    expect(read.rows.incidents).toHaveLength(3);
  });
});
