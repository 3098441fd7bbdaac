import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incidentUpdates, incidents } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, approve, draftIncident, expectJson, outageDraft, problemFields, publish, userIdOf } from './staff-api-fixtures';

describe('updates and incident edits', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('allows one pending update at a time', async () => {
    const incident = await draftIncident(t, outageDraft());
    const second = await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, { token: t.tokens.drafter, json: { status: 'identified', body: 'Found it.' } });
    expect(second.status).toBe(409);
    const detail = ((await second.json()) as { detail: string }).detail;
    expect(detail).toContain(incident.updates[0].id);
    expect(detail).toMatch(/edit it .* or publish it/);

    await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);
    await expectJson(await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, { token: t.tokens.drafter, json: { status: 'identified', body: 'Found it.' } }), 201);
  });

  it('validates a new update against its incident', async () => {
    const incident = await draftIncident(t, outageDraft());
    await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);
    const response = await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, {
      token: t.tokens.drafter,
      json: { status: 'completed', body: 'Done', expected_restoration: '2026-11-01', components: { ghost: 'operational' } },
    });
    expect(response.status).toBe(400);
    expect((await problemFields(response)).sort()).toEqual(['components.ghost', 'expected_restoration', 'status']);
    const stored = await t.db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, incident.id));
    expect(stored).toHaveLength(1);
    expect((await t.request('POST', '/api/v1/incidents/nosuch/updates', { token: t.tokens.drafter, json: { status: 'identified', body: 'x' } })).status).toBe(404);
  });

  it('edits a pending update, and editing an approved one returns it to draft', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft());
    const path = `/api/v1/incidents/${incident.id}/updates/${incident.updates[0].id}`;
    await expectJson(await approve(t, incident.id, incident.updates[0].id, t.tokens.publisher), 200);

    const edited = await expectJson(
      await t.request('PATCH', path, { token: t.tokens.drafter2, json: { body: 'Corrected wording, with our apology.', components: { [component.id]: 'partial_outage' } } }),
      200,
    );
    expect(edited).toMatchObject({
      state: 'draft',
      approved_by: null,
      approved_at: null,
      body: 'Corrected wording, with our apology.',
      status: 'investigating',
      body_sw: incident.updates[0].body_sw,
      components: { [component.id]: 'partial_outage' },
    });

    const bad = await t.request('PATCH', path, { token: t.tokens.drafter, json: { status: 'scheduled' } });
    expect(await problemFields(bad)).toEqual(['status']);
    expect((await t.request('PATCH', `/api/v1/incidents/${incident.id}/updates/nosuch`, { token: t.tokens.drafter, json: { body: 'x' } })).status).toBe(404);
  });

  it('makes the editor the drafter, so nobody approves words they just wrote', async () => {
    const incident = await draftIncident(t, outageDraft(), t.tokens.drafter);
    const path = `/api/v1/incidents/${incident.id}/updates/${incident.updates[0].id}`;
    const edited = await expectJson(await t.request('PATCH', path, { token: t.tokens.publisher, json: { body: 'Reworded by the duty publisher.' } }), 200);
    expect(edited.drafted_by).toBe(await userIdOf(t, 'publisher'));
    expect((await approve(t, incident.id, incident.updates[0].id, t.tokens.publisher)).status).toBe(403);
    expect((await publish(t, incident.id, t.tokens.publisher)).status).toBe(403);
    await expectJson(await approve(t, incident.id, incident.updates[0].id, t.tokens.publisher2), 200);

    const empty = await t.request('PATCH', path, { token: t.tokens.drafter, json: {} });
    expect(empty.status).toBe(400);
    const [row] = await t.db.select().from(incidentUpdates).where(eq(incidentUpdates.id, incident.updates[0].id));
    expect(row.state).toBe('approved');
  });

  it('never edits a published update: corrections are new updates', async () => {
    const incident = await draftIncident(t, outageDraft());
    await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);
    const path = `/api/v1/incidents/${incident.id}/updates/${incident.updates[0].id}`;
    const response = await t.request('PATCH', path, { token: t.tokens.admin, json: { body: 'Quietly rewritten' } });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { detail: string }).detail).toContain('corrections are new updates');
    expect((await approve(t, incident.id, incident.updates[0].id, t.tokens.publisher2)).status).toBe(409);
    const [row] = await t.db.select().from(incidentUpdates).where(eq(incidentUpdates.id, incident.updates[0].id));
    expect(row.body).toBe(outageDraft().body);
  });

  it('edits incident fields (publishers only once public), rebuilding the site only once the incident is public', async () => {
    const incident = await draftIncident(t, outageDraft());
    const path = `/api/v1/incidents/${incident.id}`;
    const renamed = await expectJson(await t.request('PATCH', path, { token: t.tokens.drafter, json: { name: 'Passport systems outage', disruption_from: '2026-11-23' } }), 200);
    expect(renamed).toMatchObject({ name: 'Passport systems outage', disruption_from: '2026-11-23' });
    expect(t.siteBuildReasons).toEqual([]);

    await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);
    const builds = t.siteBuildReasons.length;
    const byDrafter = await t.request('PATCH', path, { token: t.tokens.drafter, json: { name: 'Renamed without review' } });
    expect(byDrafter.status).toBe(403);
    expect(t.siteBuildReasons.length).toBe(builds);
    const withPostmortem = await expectJson(await t.request('PATCH', path, { token: t.tokens.publisher, json: { postmortem: 'A storage failure took the system down.', impact: 'major' } }), 200);
    expect(withPostmortem).toMatchObject({ postmortem: 'A storage failure took the system down.', impact: 'major' });
    expect(t.siteBuildReasons.length).toBe(builds + 1);

    const moved = await t.request('PATCH', path, { token: t.tokens.admin, json: { disruption_from: '2026-11-20' } });
    expect(moved.status).toBe(409);
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row.disruptionFrom).toBe('2026-11-23');

    const badName = await t.request('PATCH', path, { token: t.tokens.publisher, json: { name: '', impact: 'apocalyptic' } });
    expect((await problemFields(badName)).sort()).toEqual(['impact', 'name']);
  });

  it('refuses a disruption_from after the restoration day already drafted', async () => {
    const incident = await draftIncident(t, outageDraft({}, { expected_restoration: '2026-12-01' }));
    const response = await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter, json: { disruption_from: '2026-12-05' } });
    expect(await problemFields(response)).toEqual(['disruption_from']);
  });

  it('deletes an incident only while it was never published', async () => {
    const draft = await draftIncident(t, outageDraft());
    expect((await t.request('DELETE', `/api/v1/incidents/${draft.id}`, { token: t.tokens.drafter })).status).toBe(204);
    expect((await t.request('GET', `/api/v1/incidents/${draft.id}`, { token: t.tokens.drafter })).status).toBe(404);
    expect(await t.db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, draft.id))).toEqual([]);

    const published = await draftIncident(t, outageDraft());
    await expectJson(await publish(t, published.id, t.tokens.publisher), 200);
    const refused = await t.request('DELETE', `/api/v1/incidents/${published.id}`, { token: t.tokens.admin });
    expect(refused.status).toBe(409);
    expect((await t.request('GET', `/api/v1/incidents/${published.id}`, { token: t.tokens.drafter })).status).toBe(200);
    expect((await t.request('DELETE', '/api/v1/incidents/nosuch', { token: t.tokens.admin })).status).toBe(404);
  });
});
