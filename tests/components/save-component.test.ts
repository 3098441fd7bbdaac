import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemActor, type ActionContext } from '../../api/auth/actor';
import { deleteComponentGroup } from '../../api/components/delete-component-group';
import { listComponentGroups, listComponents } from '../../api/components/read-components';
import { createComponent, updateComponent } from '../../api/components/save-component';
import { createComponentGroup, updateComponentGroup } from '../../api/components/save-component-group';
import { auditLog, offices } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';

const context: ActionContext = { now: new Date('2026-11-24T06:00:00.000Z'), actor: systemActor };
const everything = { limit: 500, offset: 0 };

describe('components domain (as the demo seed calls it)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('refuses an unknown office or group with the field named, and stores nothing', async () => {
    await expect(createComponent(t.db, { name: 'Collection — Kisumu', service: 'collection', office: 'KSM', groupId: 'nogroup' }, context)).rejects.toMatchObject({
      kind: 'invalid',
      extensions: { errors: [{ field: 'group_id' }, { field: 'office' }] },
    });
    expect(await listComponents(t.db, everything)).toEqual({ items: [], total: 0 });
    expect(await t.db.select().from(auditLog)).toEqual([]);
  });

  it('keeps page order and group membership, and leaves components on the page when a group goes', async () => {
    await t.db.insert(offices).values({ code: 'MSA', name: 'Mombasa', applicationCapacity: [1, 1, 1, 1, 1, 0, 0], collectionCapacity: [1, 1, 1, 1, 1, 0, 0] });
    const collection = await createComponent(t.db, { name: 'Collection — Mombasa', service: 'collection', office: 'MSA', position: 2 }, context);
    const application = await createComponent(t.db, { name: 'Application — Mombasa', service: 'application', office: 'MSA', position: 1 }, context);
    expect((await listComponents(t.db, everything)).items.map((c) => c.id)).toEqual([application.id, collection.id]);

    const group = await createComponentGroup(t.db, { name: 'Mombasa', componentIds: [collection.id] }, context);
    expect(group.componentIds).toEqual([collection.id]);
    const regrouped = await updateComponentGroup(t.db, group.id, { componentIds: [application.id, collection.id] }, context);
    expect(regrouped.componentIds).toEqual([application.id, collection.id]);

    const degraded = await updateComponent(t.db, application.id, { status: 'partial_outage' }, context);
    expect(degraded).toMatchObject({ status: 'partial_outage', groupId: group.id, officeCode: 'MSA' });

    await deleteComponentGroup(t.db, group.id, context);
    expect(await listComponentGroups(t.db, everything)).toEqual({ items: [], total: 0 });
    expect((await listComponents(t.db, everything)).items.map((c) => [c.id, c.groupId])).toEqual([
      [application.id, null],
      [collection.id, null],
    ]);
  });
});
