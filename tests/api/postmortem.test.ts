import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readPublishedData } from '../../api/status/read-published-data';
import { statuspageDocuments } from '../../api/status/statuspage-documents';
import { createTestContext, type TestContext } from '../support/test-context';
import { addComponent, draftIncident, expectJson, outageDraft, publish } from './staff-api-fixtures';

// A postmortem saved through the staff API is public at once (or with the incident's first
// publication), so the time it was saved is its publication time, also in the Statuspage JSON.
describe('postmortem_published_at', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  const edit = async (id: string, postmortem: string | null) =>
    expectJson(await t.request('PATCH', `/api/v1/incidents/${id}`, { token: t.tokens.publisher, json: { postmortem } }), 200);

  it('is set when a postmortem is saved, kept when the same text is saved again, and cleared with it', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }));
    expect(incident.postmortem_published_at).toBeNull();
    expect((await publish(t, incident.id, t.tokens.publisher)).status).toBe(200);

    t.now.value = new Date('2026-11-26T10:00:00.000Z');
    const saved = await edit(incident.id, '## What happened\n\nThe printer failed.');
    expect(saved.postmortem_published_at).toBe('2026-11-26T10:00:00.000Z');

    t.now.value = new Date('2026-11-27T10:00:00.000Z');
    expect((await edit(incident.id, '## What happened\n\nThe printer failed.')).postmortem_published_at).toBe('2026-11-26T10:00:00.000Z');
    expect((await edit(incident.id, '## What happened\n\nThe card printer failed.')).postmortem_published_at).toBe('2026-11-27T10:00:00.000Z');

    const [json] = statuspageDocuments(await readPublishedData(t.db), { name: 'Status', publicUrl: 'https://status.example.go.ke' })['incidents.json'].incidents;
    expect(json).toMatchObject({ postmortem_body: '## What happened\n\nThe card printer failed.', postmortem_published_at: '2026-11-27T10:00:00.000Z' });

    expect((await edit(incident.id, null)).postmortem_published_at).toBeNull();
    const [cleared] = statuspageDocuments(await readPublishedData(t.db), { name: 'Status', publicUrl: 'https://status.example.go.ke' })['incidents.json'].incidents;
    expect(cleared).toMatchObject({ postmortem_body: null, postmortem_published_at: null });
  });

  it('counts a postmortem written before the incident went public as published with it', async () => {
    const component = await addComponent(t);
    const incident = await draftIncident(t, outageDraft({ [component.id]: 'major_outage' }));
    await edit(incident.id, 'Written early.');
    t.now.value = new Date('2026-11-25T12:00:00.000Z');
    expect((await publish(t, incident.id, t.tokens.publisher)).status).toBe(200);
    const [published] = (await readPublishedData(t.db)).incidents;
    expect(published.postmortemPublishedAt).toBe(published.publishedAt);
    expect(published.publishedAt).toBe('2026-11-25T12:00:00.000Z');
  });
});
