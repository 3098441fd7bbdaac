import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { incidents } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, draftIncident, expectJson, outageDraft, problemFields, publish } from './staff-api-fixtures';

describe('incidents', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('creates an incident with its first update as an invisible draft', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }, { expected_restoration: '2026-12-01' }));
    expect(incident).toMatchObject({ kind: 'incident', published_at: null, components: {}, expected_restoration: null, disruption_from: '2026-11-24' });
    expect(incident.updates).toHaveLength(1);
    expect(incident.updates[0]).toMatchObject({
      state: 'draft',
      status: 'investigating',
      components: { [component.id]: 'major_outage' },
      expected_restoration: '2026-12-01',
      approved_by: null,
      published_by: null,
    });
    expect(incident.pending_update_id).toBe(incident.updates[0].id);
    expect(incident.updates[0].drafted_by).toBe(incident.created_by);
  });

  it('stores a disruption_from date-time as its Nairobi day', async () => {
    // 22:30 UTC is 01:30 the next morning in Nairobi (UTC+3).
    const incident = await draftIncident(t, outageDraft({}, { disruption_from: '2026-11-23T22:30:00Z', expected_restoration: null }));
    expect(incident.disruption_from).toBe('2026-11-24');
  });

  it('names every invalid field and stores nothing', async () => {
    const response = await t.request('POST', '/api/v1/incidents', {
      token: t.tokens.drafter,
      json: { name: '', status: 'broken', impact: 'huge', body: 'x', disruption_from: '24/11/2026' },
    });
    expect(response.status).toBe(400);
    expect((await problemFields(response)).sort()).toEqual(['disruption_from', 'impact', 'name', 'status']);
    expect(await t.db.select().from(incidents)).toEqual([]);
  });

  it('refuses a status that does not fit the kind', async () => {
    const maintenanceStatus = await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, json: outageDraft({}, { status: 'scheduled' }) });
    expect(maintenanceStatus.status).toBe(400);
    expect(await problemFields(maintenanceStatus)).toEqual(['status']);

    const incidentStatus = await t.request('POST', '/api/v1/incidents', {
      token: t.tokens.drafter,
      json: outageDraft({}, { kind: 'maintenance', status: 'investigating', scheduled_for: '2026-11-28T06:00:00+03:00', scheduled_until: '2026-11-28T18:00:00+03:00' }),
    });
    expect(await problemFields(incidentStatus)).toEqual(['status']);
  });

  it('needs a maintenance window that ends after it starts', async () => {
    const missing = await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, json: outageDraft({}, { kind: 'maintenance', status: 'scheduled' }) });
    expect((await problemFields(missing)).sort()).toEqual(['scheduled_for', 'scheduled_until']);

    const backwards = await t.request('POST', '/api/v1/incidents', {
      token: t.tokens.drafter,
      json: outageDraft({}, { kind: 'maintenance', status: 'scheduled', scheduled_for: '2026-11-28T18:00:00+03:00', scheduled_until: '2026-11-28T06:00:00+03:00' }),
    });
    expect(await problemFields(backwards)).toEqual(['scheduled_until']);

    const good = await draftIncident(
      t,
      outageDraft({}, { kind: 'maintenance', status: 'scheduled', scheduled_for: '2026-11-28T06:00:00+03:00', scheduled_until: '2026-11-28T18:00:00+03:00' }),
    );
    expect(good).toMatchObject({ kind: 'maintenance', scheduled_for: '2026-11-28T03:00:00.000Z', scheduled_until: '2026-11-28T15:00:00.000Z', disruption_from: '2026-11-24' });

    const { disruption_from: _left, ...withoutDisruption } = outageDraft({}, { kind: 'maintenance', status: 'scheduled', scheduled_for: '2026-11-28T01:00:00+03:00', scheduled_until: '2026-11-28T18:00:00+03:00' });
    const defaulted = await draftIncident(t, withoutDisruption);
    // 01:00 in Nairobi is still the 27th in UTC; the disruption starts on the Nairobi day.
    expect(defaulted.disruption_from).toBe('2026-11-28');
  });

  it('refuses a restoration day before the disruption and unknown components', async () => {
    const early = await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, json: outageDraft({}, { expected_restoration: '2026-11-20' }) });
    expect(await problemFields(early)).toEqual(['expected_restoration']);

    const unknown = await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, json: outageDraft({ ghost1: 'major_outage' }) });
    expect(unknown.status).toBe(400);
    expect(await problemFields(unknown)).toEqual(['components.ghost1']);
  });

  it('refuses an X post over 280 by X’s weighted count, naming x_text and its weight', async () => {
    // 279 characters, but bullets, ✅, ⏳ and emoji weigh 2 each on X (the link counts 23): 295 in all.
    const xText =
      '⚠️ Passport services are down at every office. Huduma za pasipoti hazipatikani. Tunaomba radhi 🙏 New dates come by email ✉️ • Application ✅ resumes Monday • Collection ⏳ resumes Tuesday • Leta risiti yako • Bring your receipt • Taarifa zaidi: immigration.go.ke/status ••••••••••';
    expect(xText.length).toBe(279);
    const response = await t.request('POST', '/api/v1/incidents', { token: t.tokens.drafter, json: outageDraft({}, { x_text: xText }) });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { field: string; message: string }[] };
    expect(problem.errors.map((e) => e.field)).toEqual(['x_text']);
    expect(problem.errors[0].message).toContain('weighs 295 of 280');

    const fits = 'Passport application and collection are down at all offices while we restore the system. We are sorry. Details and new dates: https://status.immigration.go.ke/';
    const accepted = await draftIncident(t, outageDraft({}, { x_text: fits }));
    expect(accepted.updates[0].x_text).toBe(fits);
  });

  it('lists incidents newest first, with filters and pages', async () => {
    const first = await draftIncident(t, outageDraft({}, { name: 'First' }));
    t.now.value = new Date('2026-11-25T09:00:00Z');
    const second = await draftIncident(t, outageDraft({}, { name: 'Second' }));
    t.now.value = new Date('2026-11-25T10:00:00Z');
    const maintenance = await draftIncident(
      t,
      outageDraft({}, { name: 'Upgrade', kind: 'maintenance', status: 'scheduled', scheduled_for: '2026-11-28T06:00:00+03:00', scheduled_until: '2026-11-28T18:00:00+03:00' }),
    );
    expect((await publish(t, second.id, t.tokens.publisher)).status).toBe(200);

    const all = await expectJson(await t.request('GET', '/api/v1/incidents', { token: t.tokens.drafter }), 200);
    expect(all.items.map((i: { id: string }) => i.id)).toEqual([maintenance.id, second.id, first.id]);
    expect(all.total).toBe(3);

    const page = await expectJson(await t.request('GET', '/api/v1/incidents?limit=1&offset=1', { token: t.tokens.drafter }), 200);
    expect(page).toMatchObject({ total: 3, limit: 1, offset: 1 });
    expect(page.items.map((i: { id: string }) => i.id)).toEqual([second.id]);

    const drafts = await expectJson(await t.request('GET', '/api/v1/incidents?state=draft&kind=incident', { token: t.tokens.drafter }), 200);
    expect(drafts.items.map((i: { id: string }) => i.id)).toEqual([first.id]);
    const open = await expectJson(await t.request('GET', '/api/v1/incidents?state=open', { token: t.tokens.drafter }), 200);
    expect(open.items.map((i: { id: string }) => i.id)).toEqual([second.id]);
    const pending = await expectJson(await t.request('GET', '/api/v1/incidents?state=pending', { token: t.tokens.drafter }), 200);
    expect(pending.items.map((i: { id: string }) => i.id)).toEqual([maintenance.id, first.id]);

    const bad = await t.request('GET', '/api/v1/incidents?state=lost&limit=0', { token: t.tokens.drafter });
    expect((await problemFields(bad)).sort()).toEqual(['limit', 'state']);

    // The one page size of the staff API: 50 unless asked, at most 500.
    expect(all).toMatchObject({ limit: 50, offset: 0 });
    expect(await expectJson(await t.request('GET', '/api/v1/incidents?limit=500', { token: t.tokens.drafter }), 200)).toMatchObject({ total: 3, limit: 500 });
    expect(await problemFields(await t.request('GET', '/api/v1/incidents?limit=501', { token: t.tokens.drafter }))).toEqual(['limit']);
  });

  it('answers 404 for an unknown incident', async () => {
    const response = await t.request('GET', '/api/v1/incidents/nosuchincident', { token: t.tokens.drafter });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
  });
});
