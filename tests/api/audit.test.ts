import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, approve, draftIncident, expectJson, outageDraft, publish, tokenIdOf } from './staff-api-fixtures';

describe('the audit log', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('records every write with who made it, newest first', async () => {
    const component = await addComponent(t);
    await expectJson(await t.request('PATCH', `/api/v1/components/${component.id}`, { token: t.tokens.publisher, json: { status: 'major_outage' } }), 200);
    const group = await expectJson(await t.request('POST', '/api/v1/component-groups', { token: t.tokens.admin, json: { name: 'Nairobi' } }), 201);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }));
    await expectJson(await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter, json: { impact: 'major' } }), 200);
    const updatePath = `/api/v1/incidents/${incident.id}/updates/${incident.updates[0].id}`;
    await expectJson(await t.request('PATCH', updatePath, { token: t.tokens.drafter, json: { body: 'Better words.' } }), 200);
    await expectJson(await approve(t, incident.id, incident.updates[0].id, t.tokens.publisher), 200);
    await expectJson(await publish(t, incident.id, t.tokens.publisher2), 200);
    await expectJson(await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, { token: t.tokens.drafter, json: { status: 'resolved', body: 'Fixed.' } }), 201);
    const scratch = await draftIncident(t, outageDraft());
    expect((await t.request('DELETE', `/api/v1/incidents/${scratch.id}`, { token: t.tokens.drafter })).status).toBe(204);
    expect((await t.request('DELETE', `/api/v1/component-groups/${group.id}`, { token: t.tokens.admin })).status).toBe(204);
    expect((await t.request('DELETE', `/api/v1/components/${component.id}`, { token: t.tokens.admin })).status).toBe(204);

    const log = await expectJson(await t.request('GET', '/api/v1/audit', { token: t.tokens.admin }), 200);
    expect(log).toMatchObject({ total: 13, limit: 50, offset: 0 });
    expect(log.items.map((entry: { action: string }) => entry.action)).toEqual([
      'component.delete',
      'component_group.delete',
      'incident.delete',
      'incident.create',
      'update.draft',
      'update.publish',
      'update.approve',
      'update.edit',
      'incident.update',
      'incident.create',
      'component_group.create',
      'component.update',
      'component.create',
    ]);
    const approval = log.items.find((entry: { action: string }) => entry.action === 'update.approve');
    expect(approval).toMatchObject({ token_id: await tokenIdOf(t, 'publisher'), target_type: 'incident_update', target_id: incident.updates[0].id });
    const statusChange = log.items.find((entry: { action: string }) => entry.action === 'component.update');
    expect(statusChange.detail).toMatchObject({ from: 'operational', to: 'major_outage' });

    const forIncident = await expectJson(await t.request('GET', `/api/v1/audit?target_type=incident&target_id=${incident.id}`, { token: t.tokens.admin }), 200);
    expect(forIncident.items.map((entry: { action: string }) => entry.action)).toEqual(['incident.update', 'incident.create']);
    const paged = await expectJson(await t.request('GET', '/api/v1/audit?limit=2&offset=1', { token: t.tokens.admin }), 200);
    expect(paged).toMatchObject({ total: 13, limit: 2, offset: 1 });
    expect(paged.items.map((entry: { action: string }) => entry.action)).toEqual(['component_group.delete', 'incident.delete']);
  });

  it('records nothing for a refused write', async () => {
    const incident = await draftIncident(t, outageDraft(), t.tokens.publisher);
    expect((await publish(t, incident.id, t.tokens.publisher)).status).toBe(403);
    expect((await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, json: outageDraft({ ghost: 'major_outage' }) })).status).toBe(400);
    const log = await expectJson(await t.request('GET', '/api/v1/audit', { token: t.tokens.admin }), 200);
    expect(log.items.map((entry: { action: string }) => entry.action)).toEqual(['incident.create']);
  });
});
