import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, deliveries, incidentComponents } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, approve, draftIncident, expectJson, outageDraft, publish, userIdOf } from './staff-api-fixtures';

describe('publishing with four eyes', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('refuses the drafter, then lets another publisher publish and applies the update', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }, { expected_restoration: '2026-12-01' }), t.tokens.publisher);

    const own = await publish(t, incident.id, t.tokens.publisher);
    expect(own.status).toBe(403);
    expect(((await own.json()) as { detail: string }).detail).toContain('another publisher');

    t.now.value = new Date('2026-11-25T09:30:00.000Z');
    const buildsBefore = t.siteBuildReasons.length;
    const published = await expectJson(await publish(t, incident.id, t.tokens.publisher2), 200);
    expect(published).toMatchObject({
      status: 'investigating',
      components: { [component.id]: 'major_outage' },
      expected_restoration: '2026-12-01',
      published_at: '2026-11-25T09:30:00.000Z',
      started_at: '2026-11-25T09:30:00.000Z',
      resolved_at: null,
      pending_update_id: null,
      rescheduled: { moved: 0, waiting: 0 },
    });
    const publisher2 = await userIdOf(t, 'publisher2');
    expect(published.updates[0]).toMatchObject({ state: 'published', published_by: publisher2, approved_by: publisher2, override_reason: null });
    expect(t.siteBuildReasons.length).toBe(buildsBefore + 1);

    const rows = await t.db.select().from(incidentComponents).where(eq(incidentComponents.incidentId, incident.id));
    expect(rows).toEqual([{ incidentId: incident.id, componentId: component.id, status: 'major_outage' }]);
    // The broadcaster's hook ran inside the publish: the X post for this update is queued.
    const queued = await t.db.select().from(deliveries).where(eq(deliveries.updateId, published.updates[0].id));
    expect(queued.map((d) => d.channel)).toEqual(['x']);
  });

  it('answers 409 when publishing twice', async () => {
    const incident = await draftIncident(t, outageDraft());
    expect((await publish(t, incident.id, t.tokens.publisher)).status).toBe(200);
    const again = await publish(t, incident.id, t.tokens.publisher2);
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toContain('application/problem+json');
  });

  it('publishes once when two publishers press publish at the same moment', async () => {
    const incident = await draftIncident(t, outageDraft());
    const [first, second] = await Promise.all([publish(t, incident.id, t.tokens.publisher), publish(t, incident.id, t.tokens.publisher2)]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const detail = await expectJson(await t.request('GET', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter }), 200);
    expect(detail.updates).toHaveLength(1);
    const queued = await t.db.select().from(deliveries).where(eq(deliveries.incidentId, incident.id));
    expect(queued).toHaveLength(1);
  });

  it('keeps approval separate: the approver may not be the drafter, and publishing keeps the approver', async () => {
    const incident = await draftIncident(t, outageDraft(), t.tokens.publisher);
    const updateId = incident.updates[0].id;
    const selfApprove = await approve(t, incident.id, updateId, t.tokens.publisher);
    expect(selfApprove.status).toBe(403);
    expect(((await selfApprove.json()) as { detail: string }).detail).toContain('You drafted this update');

    const approved = await expectJson(await approve(t, incident.id, updateId, t.tokens.publisher2), 200);
    expect(approved.state).toBe('approved');
    const twice = await approve(t, incident.id, updateId, t.tokens.admin);
    expect(twice.status).toBe(409);

    // The drafter still may not publish their own words, even approved.
    expect((await publish(t, incident.id, t.tokens.publisher)).status).toBe(403);
    const published = await expectJson(await publish(t, incident.id, t.tokens.admin), 200);
    expect(published.updates[0].approved_by).toBe(await userIdOf(t, 'publisher2'));
    expect(published.updates[0].published_by).toBe(await userIdOf(t, 'admin'));
  });

  it('lets an admin publish their own draft only with an override reason, kept on the update and in the audit log', async () => {
    const incident = await draftIncident(t, outageDraft(), t.tokens.admin);
    const without = await publish(t, incident.id, t.tokens.admin);
    expect(without.status).toBe(403);
    expect(((await without.json()) as { detail: string }).detail).toContain('override_reason');

    const byPublisher = await publish(t, incident.id, t.tokens.publisher, { override_reason: 'I am in a hurry' });
    expect(byPublisher.status).toBe(403);

    const reason = 'Night shift: no second publisher reachable; minister approved by phone';
    const published = await expectJson(await publish(t, incident.id, t.tokens.admin, { override_reason: reason }), 200);
    expect(published.updates[0].override_reason).toBe(reason);

    const entries = await t.db.select().from(auditLog).where(eq(auditLog.action, 'update.publish'));
    expect(entries).toHaveLength(1);
    expect(entries[0].detail).toMatchObject({ override_reason: reason, incident_id: incident.id });
  });

  it('refuses drafters at publish and approve', async () => {
    const incident = await draftIncident(t, outageDraft(), t.tokens.publisher);
    expect((await publish(t, incident.id, t.tokens.drafter)).status).toBe(403);
    const approval = await approve(t, incident.id, incident.updates[0].id, t.tokens.drafter);
    expect(approval.status).toBe(403);
  });

  it('keeps a later draft off the public incident until it is published', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }, { expected_restoration: '2026-12-01' }));
    await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);

    t.now.value = new Date('2026-11-26T07:00:00.000Z');
    const draft = await expectJson(
      await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, {
        token: t.tokens.drafter,
        json: { status: 'monitoring', body: 'Systems are back; we are watching them closely.', components: { [component.id]: 'degraded_performance' }, expected_restoration: '2026-12-03' },
      }),
      201,
    );
    const before = await expectJson(await t.request('GET', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter }), 200);
    expect(before).toMatchObject({ status: 'investigating', components: { [component.id]: 'major_outage' }, expected_restoration: '2026-12-01', monitoring_at: null, pending_update_id: draft.id });

    const after = await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);
    expect(after).toMatchObject({
      status: 'monitoring',
      components: { [component.id]: 'degraded_performance' },
      expected_restoration: '2026-12-03',
      monitoring_at: '2026-11-26T07:00:00.000Z',
      published_at: '2026-11-25T08:00:00.000Z',
    });
    expect(after.updates.map((u: { id: string }) => u.id)).toEqual([draft.id, incident.updates[0].id]);

    t.now.value = new Date('2026-11-27T07:00:00.000Z');
    await expectJson(
      await t.request('POST', `/api/v1/incidents/${incident.id}/updates`, { token: t.tokens.drafter, json: { status: 'resolved', body: 'All services are back.', components: { [component.id]: 'operational' } } }),
      201,
    );
    const resolved = await expectJson(await publish(t, incident.id, t.tokens.publisher), 200);
    // An update without a restoration day keeps the one announced.
    expect(resolved).toMatchObject({ status: 'resolved', resolved_at: '2026-11-27T07:00:00.000Z', expected_restoration: '2026-12-03', components: { [component.id]: 'operational' } });
  });

  it('refuses to publish an update whose component was deleted since, and changes nothing', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }));
    expect((await t.request('DELETE', `/api/v1/components/${component.id}`, { token: t.tokens.publisher })).status).toBe(204);
    const response = await publish(t, incident.id, t.tokens.publisher);
    expect(response.status).toBe(409);
    const unchanged = await expectJson(await t.request('GET', `/api/v1/incidents/${incident.id}`, { token: t.tokens.drafter }), 200);
    expect(unchanged).toMatchObject({ published_at: null, pending_update_id: incident.updates[0].id });
    expect(unchanged.updates[0].state).toBe('draft');
  });
});
