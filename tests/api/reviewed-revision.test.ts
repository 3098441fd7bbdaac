import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, deliveries, incidentUpdates, incidents } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, currentRevision, draftIncident, expectJson, outageDraft, publish, tokenIdOf, userIdOf } from './staff-api-fixtures';

type Problem = { status: number; title: string; detail: string; current_revision?: string };

/** Four-eyes covers exactly what goes out: approve and publish name the revision their reviewer saw. */
describe('approve and publish name the revision they reviewed', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const previewRevision = async (incidentId: string, token = t.tokens.publisher) =>
    (await expectJson<{ revision: string }>(await t.request('GET', `/api/v1/incidents/${incidentId}/preview`, { token }), 200)).revision;
  const approveAt = (incidentId: string, updateId: string, token: string, revision?: string, headers?: Record<string, string>) =>
    t.request('POST', `/api/v1/incidents/${incidentId}/updates/${updateId}/approve`, { token, json: revision ? { revision } : {}, headers });
  const publishAt = (incidentId: string, token: string, revision?: string, headers?: Record<string, string>) =>
    t.request('POST', `/api/v1/incidents/${incidentId}/publish`, { token, json: revision ? { revision } : {}, headers });
  const updateRow = async (updateId: string) => (await t.db.select().from(incidentUpdates).where(eq(incidentUpdates.id, updateId)))[0];
  const auditActions = async () => (await t.db.select().from(auditLog)).map((entry) => entry.action);

  it('shows the same revision in the preview and on the pending update, and none on published ones', async () => {
    const incident = await draftIncident(t, outageDraft());
    const revision = await previewRevision(incident.id);
    expect(revision).toMatch(/^[0-9a-f]{16,64}$/);
    expect(incident.updates[0].revision).toBe(revision);
    const detail = await expectJson(await t.request('GET', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter }), 200);
    expect(detail.updates[0].revision).toBe(revision);

    const published = await expectJson(await publishAt(incident.id, t.tokens.publisher, revision), 200);
    expect(published.updates[0]).toMatchObject({ state: 'published', revision: null });
  });

  it('stops the bypass: an incident edit after approval withdraws it, and the old revision no longer publishes', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }), t.tokens.drafter);
    const updateId = incident.updates[0].id;
    const reviewed = await previewRevision(incident.id);
    const approved = await expectJson(await approveAt(incident.id, updateId, t.tokens.publisher, reviewed), 200);
    expect(approved).toMatchObject({ state: 'approved', revision: reviewed });

    // The drafter changes what the notice says about the incident after the approval.
    const edited = await expectJson(
      await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter, json: { name: 'Passports: all offices closed for a week', impact: 'minor' } }),
      200,
    );
    expect(edited.updates[0]).toMatchObject({ state: 'draft', approved_by: null, approved_at: null });
    expect(edited.updates[0].revision).not.toBe(reviewed);
    const withdrawn = (await t.db.select().from(auditLog).where(eq(auditLog.action, 'update.approval_withdrawn')))[0];
    expect(withdrawn).toMatchObject({ targetType: 'incident_update', targetId: updateId, tokenId: await tokenIdOf(t, 'drafter') });
    expect(withdrawn.detail).toMatchObject({ incident_id: incident.id, approved_by: await userIdOf(t, 'publisher'), fields: ['name', 'impact'] });

    // The publisher presses publish with what they reviewed: refused, and nothing goes out.
    const refused = await publishAt(incident.id, t.tokens.publisher, reviewed);
    expect(refused.status).toBe(409);
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await refused.json()) as Problem;
    expect(problem.detail).toContain('changed since you reviewed it');
    expect(problem.current_revision).toBe(edited.updates[0].revision);
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row.publishedAt).toBeNull();
    expect(await t.db.select().from(deliveries)).toEqual([]);
    expect((await updateRow(updateId)).state).toBe('draft');

    // Reviewing again and publishing the new revision publishes the new name.
    const published = await expectJson(await publishAt(incident.id, t.tokens.publisher, await previewRevision(incident.id)), 200);
    expect(published).toMatchObject({ name: 'Passports: all offices closed for a week', impact: 'minor', published_at: expect.any(String) });
  });

  it('withdraws the approval when a publisher edits a published incident whose next update is approved', async () => {
    const incident = await draftIncident(t, outageDraft());
    await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);
    const next = await expectJson(await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, { token: t.tokens.drafter, json: { status: 'identified', body: 'Found it.' } }), 201);
    await expectJson(await approveAt(incident.id, next.id, t.tokens.publisher, next.revision), 200);
    const edited = await expectJson(await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.publisher2, json: { name: 'Renamed after approval' } }), 200);
    expect(edited.updates[0]).toMatchObject({ id: next.id, state: 'draft', approved_by: null });
    expect((await publishAt(incident.id, t.tokens.publisher, next.revision)).status).toBe(409);
  });

  it('keeps the approval when an incident edit changes nothing that goes out', async () => {
    const incident = await draftIncident(t, outageDraft());
    const updateId = incident.updates[0].id;
    await expectJson(await approveAt(incident.id, updateId, t.tokens.publisher, incident.updates[0].revision), 200);
    const same = await expectJson(await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter, json: { name: incident.name } }), 200);
    expect(same.updates[0]).toMatchObject({ state: 'approved', revision: incident.updates[0].revision });
  });

  it('withdraws the approval when the update is edited, and the old revision no longer publishes', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft());
    const updateId = incident.updates[0].id;
    const reviewed = incident.updates[0].revision;
    await expectJson(await approveAt(incident.id, updateId, t.tokens.publisher, reviewed), 200);
    const edited = await expectJson(
      await t.request('PATCH', `/api/v1/incidents/${incident.id}/updates/${updateId}`, { token: t.tokens.drafter, json: { components: { [component.id]: 'major_outage' } } }),
      200,
    );
    expect(edited).toMatchObject({ state: 'draft', approved_by: null, approved_at: null });
    expect(edited.revision).not.toBe(reviewed);
    const refused = await publishAt(incident.id, t.tokens.publisher2, reviewed);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as Problem).current_revision).toBe(edited.revision);
  });

  it('refuses an approval of a stale revision and changes nothing', async () => {
    const incident = await draftIncident(t, outageDraft());
    const updateId = incident.updates[0].id;
    const reviewed = incident.updates[0].revision;
    await expectJson(await t.request('PATCH', `/api/v1/incidents/${incident.id}/updates/${updateId}`, { token: t.tokens.drafter, json: { body: 'Different words.' } }), 200);
    const before = await updateRow(updateId);
    const actionsBefore = await auditActions();

    const refused = await approveAt(incident.id, updateId, t.tokens.publisher, reviewed);
    expect(refused.status).toBe(409);
    const problem = (await refused.json()) as Problem;
    expect(problem.detail).toContain('changed since you reviewed it');
    expect(problem.current_revision).toBe(await currentRevision(t, incident.id));
    expect(await updateRow(updateId)).toEqual(before);
    expect(await auditActions()).toEqual(actionsBefore);
  });

  it('refuses a publish of a stale revision and changes nothing', async () => {
    const incident = await draftIncident(t, outageDraft());
    const reviewed = incident.updates[0].revision;
    await expectJson(await t.request('PATCH', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter, json: { disruption_from: '2026-11-23' } }), 200);
    const refused = await publishAt(incident.id, t.tokens.publisher, reviewed);
    expect(refused.status).toBe(409);
    expect((await updateRow(incident.updates[0].id)).state).toBe('draft');
    expect(await t.db.select().from(deliveries)).toEqual([]);
    expect(await auditActions()).not.toContain('update.publish');
  });

  it('asks for the revision when approve or publish leaves it out, saying where to get it', async () => {
    const incident = await draftIncident(t, outageDraft());
    for (const response of [await approveAt(incident.id, incident.updates[0].id, t.tokens.publisher), await publishAt(incident.id, t.tokens.publisher)]) {
      expect(response.status).toBe(428);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      const problem = (await response.json()) as Problem;
      expect(problem.detail).toContain('revision');
      expect(problem.detail).toContain('If-Match');
      expect(problem.detail).toContain(`/incidents/${incident.id}/preview`);
    }
    // `If-Match: *` matches any version, so it names none.
    expect((await publishAt(incident.id, t.tokens.publisher, undefined, { 'If-Match': '*' })).status).toBe(428);
    expect((await updateRow(incident.updates[0].id)).state).toBe('draft');
  });

  it('takes the revision from an If-Match header too, and refuses a body and header that disagree', async () => {
    const incident = await draftIncident(t, outageDraft());
    const updateId = incident.updates[0].id;
    const revision = incident.updates[0].revision;
    const disagree = await approveAt(incident.id, updateId, t.tokens.publisher, revision, { 'If-Match': '"0000000000000000"' });
    expect(disagree.status).toBe(400);
    const stale = await approveAt(incident.id, updateId, t.tokens.publisher, undefined, { 'If-Match': '"0000000000000000"' });
    expect(stale.status).toBe(409);
    await expectJson(await approveAt(incident.id, updateId, t.tokens.publisher, undefined, { 'If-Match': `"${revision}"` }), 200);
    await expectJson(await publishAt(incident.id, t.tokens.publisher2, undefined, { 'If-Match': `"${revision}"` }), 200);
  });

  it('documents revision and If-Match on approve and publish, and revision on the preview', async () => {
    const document = await expectJson(await t.request('GET', '/api/v1/openapi.json'), 200);
    const approveOp = document.paths['/incidents/{id}/updates/{update_id}/approve'].post;
    const publishOp = document.paths['/incidents/{id}/publish'].post;
    for (const operation of [approveOp, publishOp]) {
      expect(operation.parameters.map((p: { name: string; in: string }) => `${p.in}:${p.name.toLowerCase()}`)).toContain('header:if-match');
      expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['409', '428']));
    }
    expect(document.components.schemas.Publish.properties.revision).toBeDefined();
    expect(document.components.schemas.Approve.properties.revision).toBeDefined();
    expect(document.components.schemas.BroadcastPreview.properties.revision).toBeDefined();
    expect(document.components.schemas.IncidentUpdate.properties.revision).toBeDefined();
  });
});
