import { afterEach, describe, expect, it } from 'vitest';
import { deliveries } from '../../db/schema/index';
import { draftIncident, expectJson, outageDraft, publish } from '../api/staff-api-fixtures';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments } from './broadcast-test-data';

let h: BroadcastHarness;
afterEach(async () => h?.close());

describe('calendar link', () => {
  it('serves the .ics linked from the email: one all-day event at the office on the new date', async () => {
    h = await createBroadcastHarness();
    const incident = await createIncident(h.t.db);
    await createMovedAppointments(h.t.db, incident, 1, { language: () => 'sw' });
    await h.worker.drainOnce();
    const link = /https:\/\/status\.example\.go\.ke(\/calendar\/[A-Za-z0-9_-]+\.ics)/.exec(h.resend.emails[0].text!)![1];

    const response = await h.t.app.request(link);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/calendar');
    expect(response.headers.get('cache-control')).toContain('no-store');
    const ics = await response.text();
    expect(ics).toContain('DTSTART;VALUE=DATE:20261201');
    expect(ics).toContain('LOCATION:Nyayo House\\, Kenyatta Avenue / Uhuru Highway\\, Nairobi');
    expect(ics).toContain('Miadi ya kuwasilisha maombi ya pasipoti');
    expect(ics).toContain('A000000');
    expect(ics).not.toContain('applicant0@example.com');
    expect(ics).not.toContain('Applicant 0');
  });

  it('answers 404 problem+json for an altered or unknown token', async () => {
    h = await createBroadcastHarness();
    const altered = await h.t.app.request(`/calendar/${'A'.repeat(60)}.ics`);
    expect(altered.status).toBe(404);
    expect(altered.headers.get('content-type')).toContain('application/problem+json');
  });
});

describe('broadcast preview', () => {
  it('shows the X post, sample emails in both languages and the reschedule; then the next update as a reply', async () => {
    h = await createBroadcastHarness();
    const draft = await draftIncident(h.t, outageDraft());
    const first = await expectJson(await h.t.request('GET', `/api/v1/incidents/${draft.id}/preview`, { token: h.t.tokens.drafter }), 200);
    expect(first.x).toMatchObject({ is_reply: false, valid: true, in_reply_to_post_id: null });
    expect(first.x.text).toContain('Passport services unavailable at all offices');
    expect(first.x.text).toContain(`https://status.example.go.ke/incidents/${draft.id}/`);
    expect(first.x.weighted_length).toBeLessThanOrEqual(280);
    expect(first.emails.en.subject).toContain('SAMPLE-EN-0001');
    expect(first.emails.sw.text).toContain('Tunasikitika');
    expect(first.emails.en.html).toContain('<html lang="en">');
    expect(first.reschedule).toMatchObject({ affected: 0 });

    expect((await publish(h.t, draft.id, h.t.tokens.publisher)).status).toBe(200);
    await h.worker.drainOnce();
    expect(h.x.posts).toHaveLength(1);
    expect(h.x.posts[0].text).toBe(first.x.text);

    await expectJson(
      await h.t.request('POST', `/api/v1/incidents/${draft.id}/updates`, {
        token: h.t.tokens.drafter,
        json: { status: 'identified', body: 'The cause is a failed storage system; engineers are replacing it.' },
      }),
      201,
    );
    const second = await expectJson(await h.t.request('GET', `/api/v1/incidents/${draft.id}/preview`, { token: h.t.tokens.drafter }), 200);
    expect(second.x).toMatchObject({ is_reply: true, in_reply_to_post_id: h.x.posts[0].id });

    expect((await publish(h.t, draft.id, h.t.tokens.publisher)).status).toBe(200);
    await h.worker.drainOnce();
    expect(h.x.posts[1]).toMatchObject({ inReplyTo: h.x.posts[0].id, text: second.x.text });
    expect(await h.t.db.select().from(deliveries)).toHaveLength(2);
  });

  it('documents the update’s state and status and each office’s service as enums, in snake_case', async () => {
    h = await createBroadcastHarness();
    const document = await expectJson(await h.t.request('GET', '/api/v1/openapi.json'), 200);
    const schemas = document.components.schemas;
    const update = schemas.BroadcastPreview.properties.update.properties;
    expect(update.state.enum).toEqual(['draft', 'approved', 'published']);
    expect(update.status.enum).toContain('investigating');
    const office = schemas.ReschedulePreview.properties.offices.items.properties;
    expect(office.service.enum).toEqual(['application', 'collection']);
    expect(Object.keys(office)).toEqual(['office', 'service', 'count', 'first_new_date', 'last_new_date']);
  });

  it('answers 409 when there is nothing pending to preview', async () => {
    h = await createBroadcastHarness();
    const draft = await draftIncident(h.t, outageDraft());
    expect((await publish(h.t, draft.id, h.t.tokens.publisher)).status).toBe(200);
    expect((await h.t.request('GET', `/api/v1/incidents/${draft.id}/preview`, { token: h.t.tokens.drafter })).status).toBe(409);
    expect((await h.t.request('GET', '/api/v1/incidents/nope/preview', { token: h.t.tokens.drafter })).status).toBe(404);
  });
});
