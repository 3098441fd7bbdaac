import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { offices } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, expectJson, problemFields } from './staff-api-fixtures';

describe('components and groups', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('creates, reads, edits and deletes a component, rebuilding the site after each change', async () => {
    await t.db.insert(offices).values({ code: 'NYH', name: 'Nyayo House', applicationCapacity: [1, 1, 1, 1, 1, 0, 0], collectionCapacity: [1, 1, 1, 1, 1, 0, 0] });
    const created = await addComponent(t, { office: 'NYH', position: 2, description: 'Biometrics and forms' });
    expect(created).toMatchObject({ office: 'NYH', service: 'application', status: 'operational', position: 2, group_id: null });
    expect(t.siteBuildReasons).toHaveLength(1);

    const read = await expectJson(await t.request('GET', `/api/v1/components/${created.id}`, { token: t.tokens.drafter }), 200);
    expect(read).toEqual(created);

    t.now.value = new Date('2026-11-25T09:00:00.000Z');
    const edited = await expectJson(
      await t.request('PATCH', `/api/v1/components/${created.id}`, { token: t.tokens.publisher, json: { status: 'major_outage' } }),
      200,
    );
    expect(edited).toMatchObject({ status: 'major_outage', office: 'NYH', description: 'Biometrics and forms', updated_at: '2026-11-25T09:00:00.000Z' });
    expect(t.siteBuildReasons).toHaveLength(2);

    expect((await t.request('DELETE', `/api/v1/components/${created.id}`, { token: t.tokens.admin })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/components/${created.id}`, { token: t.tokens.admin })).status).toBe(404);
    expect(t.siteBuildReasons).toHaveLength(3);
  });

  it('names unknown offices, groups and bad statuses without storing anything', async () => {
    const response = await t.request('POST', '/api/v1/components', {
      token: t.tokens.publisher,
      json: { name: 'Collection — Mombasa', office: 'MSA', group_id: 'nosuchgroup', service: 'collection' },
    });
    expect(response.status).toBe(400);
    expect((await problemFields(response)).sort()).toEqual(['group_id', 'office']);

    const badStatus = await t.request('POST', '/api/v1/components', { token: t.tokens.publisher, json: { name: 'X', status: 'down' } });
    expect(await problemFields(badStatus)).toEqual(['status']);

    const list = await expectJson(await t.request('GET', '/api/v1/components', { token: t.tokens.drafter }), 200);
    expect(list).toEqual({ items: [], total: 0, limit: 50, offset: 0 });
    expect(t.siteBuildReasons).toEqual([]);
  });

  it('groups components, lists members in page order and ungroups them when the group goes', async () => {
    const second = await addComponent(t, { name: 'Collection — Nyayo House', service: 'collection', position: 2 });
    const first = await addComponent(t, { name: 'Application — Nyayo House', position: 1 });
    const group = await expectJson(
      await t.request('POST', '/api/v1/component-groups', {
        token: t.tokens.publisher,
        json: { name: 'Nyayo House, Nairobi', components: [second.id, first.id] },
      }),
      201,
    );
    expect(group.components).toEqual([first.id, second.id]);
    const member = await expectJson(await t.request('GET', `/api/v1/components/${first.id}`, { token: t.tokens.drafter }), 200);
    expect(member.group_id).toBe(group.id);

    const narrowed = await expectJson(
      await t.request('PATCH', `/api/v1/component-groups/${group.id}`, { token: t.tokens.admin, json: { components: [second.id], position: 3 } }),
      200,
    );
    expect(narrowed).toMatchObject({ components: [second.id], position: 3 });

    const unknown = await t.request('PATCH', `/api/v1/component-groups/${group.id}`, { token: t.tokens.admin, json: { components: ['ghost'] } });
    expect(await problemFields(unknown)).toEqual(['components.0']);

    const groups = await expectJson(await t.request('GET', '/api/v1/component-groups', { token: t.tokens.drafter }), 200);
    expect(groups.items.map((g: { id: string }) => g.id)).toEqual([group.id]);

    expect((await t.request('DELETE', `/api/v1/component-groups/${group.id}`, { token: t.tokens.publisher })).status).toBe(204);
    const orphan = await expectJson(await t.request('GET', `/api/v1/components/${second.id}`, { token: t.tokens.drafter }), 200);
    expect(orphan.group_id).toBeNull();
    expect((await t.request('GET', `/api/v1/component-groups/${group.id}`, { token: t.tokens.drafter })).status).toBe(404);
  });

  it('pages components and groups in page order with the one list envelope', async () => {
    const third = await addComponent(t, { name: 'Collection — Mombasa', position: 3 });
    const first = await addComponent(t, { name: 'Application — Nyayo House', position: 1 });
    const second = await addComponent(t, { name: 'Collection — Nyayo House', position: 2 });
    const page = await expectJson(await t.request('GET', '/api/v1/components?limit=2&offset=1', { token: t.tokens.drafter }), 200);
    expect({ ...page, items: page.items.map((c: { id: string }) => c.id) }).toEqual({ items: [second.id, third.id], total: 3, limit: 2, offset: 1 });

    for (const [name, position] of [['Mombasa', 2], ['Nairobi', 1]] as const) {
      await expectJson(await t.request('POST', '/api/v1/component-groups', { token: t.tokens.publisher, json: { name, position, components: name === 'Nairobi' ? [first.id, second.id] : [third.id] } }), 201);
    }
    const groups = await expectJson(await t.request('GET', '/api/v1/component-groups?limit=1', { token: t.tokens.drafter }), 200);
    expect(groups).toMatchObject({ total: 2, limit: 1, offset: 0, items: [{ name: 'Nairobi', components: [first.id, second.id] }] });
    expect((await t.request('GET', '/api/v1/components?limit=501', { token: t.tokens.drafter })).status).toBe(400);
  });

  it('lets drafters read but not write components or groups', async () => {
    const component = await addComponent(t);
    expect((await t.request('GET', '/api/v1/components', { token: t.tokens.drafter })).status).toBe(200);
    const writes: [string, string, unknown?][] = [
      ['POST', '/api/v1/components', { name: 'x' }],
      ['PATCH', `/api/v1/components/${component.id}`, { status: 'major_outage' }],
      ['DELETE', `/api/v1/components/${component.id}`],
      ['POST', '/api/v1/component-groups', { name: 'x' }],
      ['PATCH', '/api/v1/component-groups/any', { name: 'x' }],
      ['DELETE', '/api/v1/component-groups/any'],
    ];
    for (const [method, path, json] of writes) {
      expect((await t.request(method, path, { token: t.tokens.drafter, json })).status, `${method} ${path}`).toBe(403);
    }
    const unchanged = await expectJson(await t.request('GET', `/api/v1/components/${component.id}`, { token: t.tokens.drafter }), 200);
    expect(unchanged.status).toBe('operational');
  });
});
