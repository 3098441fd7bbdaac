import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { auditLog, componentGroups, components, offices, type WeeklyCapacity } from '../../db/schema/index';
import { signInAsNew } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

const fields = { name: 'Passport collection — Nyayo House', name_sw: 'Kuchukua pasipoti', group_id: '', position: '2', status: 'operational', service: 'collection', office: 'NYH' };

async function seedOffice() {
  const week: WeeklyCapacity = [10, 10, 10, 10, 10, 0, 0];
  await t.db.insert(offices).values({ code: 'NYH', name: 'Nyayo House', address: 'Nairobi', applicationCapacity: week, collectionCapacity: week });
}

describe('console: components and groups', () => {
  it('is for publishers and admins: a drafter gets the 403 page', async () => {
    t = await createTestContext();
    const drafter = await signInAsNew(t, 'drafter');
    for (const path of ['/console/components', '/console/components/new', '/console/component-groups/new']) {
      const page = await drafter.get(path);
      expect(page.status).toBe(403);
      expect(await page.text()).toContain('This page is for publisher or admin accounts');
    }
    const refused = await drafter.post('/console/components', fields);
    expect(refused.status).toBe(403);
    expect(await t.db.select().from(components)).toHaveLength(0);
  });

  it('adds, edits and removes a component through the forms, audited as the person, and rebuilds the page', async () => {
    t = await createTestContext();
    await seedOffice();
    const publisher = await signInAsNew(t, 'publisher');
    expect((await publisher.get('/console/components/new')).status).toBe(200);
    const created = await publisher.post('/console/components', fields);
    expect(created.status).toBe(303);
    expect(created.headers.get('location')).toBe('/console/components?done=created');
    const [row] = await t.db.select().from(components);
    expect(row).toMatchObject({ name: fields.name, nameSw: 'Kuchukua pasipoti', position: 2, service: 'collection', officeCode: 'NYH', status: 'operational' });
    expect(t.siteBuildReasons).toContain(`component ${row.id} added`);
    const list = await (await publisher.get('/console/components?done=created')).text();
    expect(list).toContain('The component was added');
    expect(list).toContain(`href="/console/components/${row.id}"`);

    const edit = await publisher.get(`/console/components/${row.id}`);
    expect(await edit.text()).toContain('value="Passport collection — Nyayo House"');
    const saved = await publisher.post(`/console/components/${row.id}`, { ...fields, status: 'major_outage', office: '' });
    expect(saved.status).toBe(303);
    const [changed] = await t.db.select().from(components);
    expect([changed.status, changed.officeCode]).toEqual(['major_outage', null]);

    const confirm = await publisher.get(`/console/components/${row.id}/delete`);
    expect(await confirm.text()).toContain('Remove the component');
    expect(await t.db.select().from(components)).toHaveLength(1);
    expect((await publisher.post(`/console/components/${row.id}/delete`, {})).status).toBe(303);
    expect(await t.db.select().from(components)).toHaveLength(0);

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.targetId, row.id));
    expect(entries.map((e) => [e.action, e.userId, e.tokenId])).toEqual([
      ['component.create', publisher.userId, null],
      ['component.update', publisher.userId, null],
      ['component.delete', publisher.userId, null],
    ]);
  });

  it('shows the domain’s refusals beside their fields and keeps what was typed', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    const refused = await admin.post('/console/components', { ...fields, office: 'XXX', position: 'two' });
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="position-error"');
    expect(html).toContain('Give a whole number');
    expect(html).toContain('value="Passport collection — Nyayo House"');
    const unknownOffice = await admin.post('/console/components', { ...fields, office: 'XXX' });
    expect(unknownOffice.status).toBe(400);
    const text = await unknownOffice.text();
    expect(text).toMatch(/id="office-error">No office with code &quot;XXX&quot;/);
    expect(text).toContain('aria-invalid="true"');
    expect(await t.db.select().from(components)).toHaveLength(0);
  });

  it('adds a group, puts a component in it, renames it and removes it (the component stays, ungrouped)', async () => {
    t = await createTestContext();
    const admin = await signInAsNew(t, 'admin');
    expect((await admin.post('/console/component-groups', { name: 'Nyayo House, Nairobi', name_sw: '', position: '1' })).status).toBe(303);
    const [group] = await t.db.select().from(componentGroups);
    await admin.post('/console/components', { ...fields, office: '', group_id: group.id });
    const [component] = await t.db.select().from(components);
    expect(component.groupId).toBe(group.id);
    const list = await (await admin.get('/console/components')).text();
    expect(list).toMatch(/<td>Nyayo House, Nairobi<\/td>/);

    expect((await admin.post(`/console/component-groups/${group.id}`, { name: 'Nyayo House', name_sw: 'Nyumba ya Nyayo', position: '1' })).status).toBe(303);
    expect((await t.db.select().from(componentGroups))[0].nameSw).toBe('Nyumba ya Nyayo');
    expect(await (await admin.get(`/console/component-groups/${group.id}/delete`)).text()).toContain('Its 1 component(s) stay on the page');
    expect((await admin.post(`/console/component-groups/${group.id}/delete`, {})).status).toBe(303);
    expect(await t.db.select().from(componentGroups)).toHaveLength(0);
    expect((await t.db.select().from(components))[0].groupId).toBeNull();
    expect((await admin.get('/console/component-groups/nope')).status).toBe(404);
  });
});
