import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPublishedData } from '../../api/status/read-published-data';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, draftIncident, expectJson, outageDraft, problemFields, publish } from './staff-api-fixtures';

// Staff give incidents, components and groups a Swahili name (name_sw) for the Swahili pages;
// without one those pages show the English name.
describe('Swahili names (name_sw)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('is stored, returned, changed and cleared on components and groups', async () => {
    const plain = await addComponent(t);
    expect(plain.name_sw).toBeNull();
    const named = await addComponent(t, { name: 'Passport collection — Mombasa', name_sw: '  Kukabidhi pasipoti — Mombasa ' });
    expect(named.name_sw).toBe('Kukabidhi pasipoti — Mombasa');
    const read = await expectJson(await t.request('GET', `/api/v1/components/${named.id}`, { token: t.tokens.drafter }), 200);
    expect(read.name_sw).toBe('Kukabidhi pasipoti — Mombasa');
    const renamed = await expectJson(
      await t.request('PATCH', `/api/v1/components/${named.id}`, { token: t.tokens.publisher, json: { name_sw: 'Kuchukua pasipoti — Mombasa' } }),
      200,
    );
    expect(renamed).toMatchObject({ name: 'Passport collection — Mombasa', name_sw: 'Kuchukua pasipoti — Mombasa' });
    const cleared = await expectJson(await t.request('PATCH', `/api/v1/components/${named.id}`, { token: t.tokens.publisher, json: { name_sw: ' ' } }), 200);
    expect(cleared.name_sw).toBeNull();

    const group = await expectJson(
      await t.request('POST', '/api/v1/component-groups', { token: t.tokens.publisher, json: { name: 'Mombasa Regional Office', name_sw: 'Ofisi ya Kanda ya Mombasa' } }),
      201,
    );
    expect(group.name_sw).toBe('Ofisi ya Kanda ya Mombasa');
    const regrouped = await expectJson(
      await t.request('PATCH', `/api/v1/component-groups/${group.id}`, { token: t.tokens.publisher, json: { name_sw: null } }),
      200,
    );
    expect(regrouped).toMatchObject({ name: 'Mombasa Regional Office', name_sw: null });

    const tooLong = await t.request('POST', '/api/v1/components', { token: t.tokens.publisher, json: { name: 'X', name_sw: 'x'.repeat(201) } });
    expect(tooLong.status).toBe(400);
    expect(await problemFields(tooLong)).toEqual(['name_sw']);
  });

  it('is stored and edited on incidents, and reaches the published read model', async () => {
    const component = await addComponent(t, { name_sw: 'Kupokea maombi ya pasipoti — Nyayo House' });
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }, { name_sw: 'Huduma za pasipoti hazipatikani' }));
    expect(incident.name_sw).toBe('Huduma za pasipoti hazipatikani');
    expect((await publish(t, incident.id, t.tokens.publisher)).status).toBe(200);

    const edited = await expectJson(
      await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.publisher, json: { name_sw: 'Pasipoti: huduma zimekatizwa' } }),
      200,
    );
    expect(edited).toMatchObject({ name: 'Passport services unavailable at all offices', name_sw: 'Pasipoti: huduma zimekatizwa' });

    const published = await readPublishedData(t.db);
    expect(published.incidents.map((i) => i.nameSw)).toEqual(['Pasipoti: huduma zimekatizwa']);
    expect(published.components.map((c) => c.nameSw)).toEqual(['Kupokea maombi ya pasipoti — Nyayo House']);
  });

  it('is part of what an approval covers: changing it withdraws the approval', async () => {
    const incident = await draftIncident(t, outageDraft({}, { name_sw: 'Jina la kwanza' }));
    const detail = await expectJson(await t.request('GET', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter }), 200);
    const before = detail.updates[0].revision as string;
    await expectJson(await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter, json: { name_sw: 'Jina jipya' } }), 200);
    const after = await expectJson(await t.request('GET', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter }), 200);
    expect(after.updates[0].revision).not.toBe(before);
  });
});
