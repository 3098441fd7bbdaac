import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { appointments, auditLog, deliveries, incidentUpdates, incidents } from '../../db/schema/index';
import { addComponent } from '../api/staff-api-fixtures';
import { addAppointments, addOffice, weekdays } from '../appointments/appointment-fixtures';
import { signInAsNew, type ConsoleClient } from '../support/console-session';
import { createTestContext, type TestContext } from '../support/test-context';

let t: TestContext;
afterEach(() => t?.close());

/** Friday 29 May 2026; applications at Nyayo House on 2 and 3 June will be disrupted. */
async function outageWorld() {
  t = await createTestContext();
  t.now.value = new Date('2026-05-29T08:00:00.000Z');
  await addOffice(t.db, 'NYH', { application: weekdays(5), collection: weekdays(5) });
  await addAppointments(t.db, [
    { reference: 'R1', office: 'NYH', service: 'application', date: '2026-06-02' },
    { reference: 'R2', office: 'NYH', service: 'application', date: '2026-06-03' },
  ]);
  await t.db.update(appointments).set({ fullName: 'Zawadi Chebet Mutua', email: 'zawadi@example.org' }).where(eq(appointments.reference, 'R1'));
  const component = await addComponent(t, { name: 'Passport applications — Nyayo House', service: 'application', office: 'NYH' });
  return component.id as string;
}

const draftFields = (componentId: string, extra: Record<string, string> = {}) => ({
  kind: 'incident',
  name: 'Passport applications unavailable at Nyayo House',
  impact: 'major',
  status: 'investigating',
  [`component.${componentId}`]: 'major_outage',
  disruption_from: '2026-06-02',
  expected_restoration: '2026-06-04',
  body: 'Passport applications are unavailable at Nyayo House because of a system failure. We apologise.',
  body_sw: 'Maombi ya pasipoti hayapatikani Nyayo House. Tunaomba radhi.',
  x_text: 'Passport applications are unavailable at Nyayo House. If you had an appointment you will get a new date by email.',
  ...extra,
});

const html = (response: Response) => response.text();
const revisionOf = (page: string) => /name="revision" value="([^"]+)"/.exec(page)?.[1] ?? '';

async function draftAsDrafter(drafter: ConsoleClient, componentId: string): Promise<string> {
  const saved = await drafter.post('/console/incidents/new', { ...draftFields(componentId), action: 'save' });
  expect(saved.status, await saved.clone().text()).toBe(303);
  const id = /\/console\/incidents\/([^?]+)\?saved=draft/.exec(saved.headers.get('location') ?? '')?.[1];
  expect(id).toBeTruthy();
  return id as string;
}

describe('console: draft, review, publish, progress', () => {
  it('fills the form from the outage template and previews without saving anything', async () => {
    const componentId = await outageWorld();
    const drafter = await signInAsNew(t, 'drafter');
    const form = await html(await drafter.get('/console/incidents/new?template=outage'));
    expect(form).toContain('id="draft-form"');
    expect(form).toMatch(/<textarea[^>]*name="body"[^>]*>[^<]*\S/);

    const preview = await html(await drafter.post('/console/incidents/new', { ...draftFields(componentId), action: 'preview' }));
    expect(preview).toContain('What the public will see');
    expect(preview).toMatch(/Weighted length \d+ of 280/);
    // Two applicants would move, counted for their office and service.
    expect(preview).toContain('Appointments moved');
    expect(preview).toContain('Nyayo House');
    // A drafter sees a sample applicant, never the real one's name or address.
    expect(preview).not.toContain('Zawadi');
    expect(preview).not.toContain('zawadi@example.org');

    const fragment = await drafter.post('/console/incidents/new', { ...draftFields(componentId), action: 'fragment' });
    const part = await html(fragment);
    expect(part).not.toContain('<html');
    expect(part).toContain('What the public will see');
    expect(await t.db.select().from(incidents)).toHaveLength(0);
  });

  it('puts a refusal beside its field and keeps what was typed', async () => {
    const componentId = await outageWorld();
    const drafter = await signInAsNew(t, 'drafter');
    const refused = await drafter.post('/console/incidents/new', { ...draftFields(componentId, { name: '', expected_restoration: '4 June' }), action: 'save' });
    expect(refused.status).toBe(400);
    const page = await html(refused);
    expect(page).toContain('Nothing was saved');
    expect(page).toContain('Enter the day offices serve again as a date');
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain('Passport applications are unavailable at Nyayo House because of a system failure');
    expect(await t.db.select().from(incidents)).toHaveLength(0);
  });

  it('is reviewed by someone else: sent back with a comment, edited, approved, published, and its messages counted', async () => {
    const componentId = await outageWorld();
    const drafter = await signInAsNew(t, 'drafter');
    const publisher = await signInAsNew(t, 'publisher');
    const id = await draftAsDrafter(drafter, componentId);

    // The drafter can neither review nor publish.
    expect((await drafter.get(`/console/incidents/${id}/review`)).status).toBe(403);
    expect((await drafter.post(`/console/incidents/${id}/publish`, { revision: 'x' })).status).toBe(403);

    const dashboard = await html(await publisher.get('/console'));
    expect(dashboard).toContain('Passport applications unavailable at Nyayo House');
    expect(dashboard).toContain('drafted by Console drafter');

    const review = await html(await publisher.get(`/console/incidents/${id}/review`));
    expect(review).toContain('What the public will see');
    const returned = await publisher.post(`/console/incidents/${id}/return`, { comment: 'Say which offices still work.' });
    expect(returned.status).toBe(303);
    const edit = await drafter.get(`/console/incidents/${id}/updates/${(await t.db.select().from(incidentUpdates))[0].id}/edit`);
    expect(await html(edit)).toContain('Say which offices still work.');

    const [update] = await t.db.select().from(incidentUpdates);
    const edited = await drafter.post(`/console/incidents/${id}/updates/${update.id}/edit`, {
      ...draftFields(componentId, { body: 'Applications are unavailable at Nyayo House; collections still work. We apologise.' }),
      action: 'save',
    });
    expect(edited.status).toBe(303);

    // A revision from before the edit is refused: nothing approved.
    const stale = await publisher.post(`/console/incidents/${id}/approve`, { revision: revisionOf(review) });
    expect(stale.status).toBe(409);
    expect(await html(stale)).toContain('changed after you opened this page');

    const fresh = await html(await publisher.get(`/console/incidents/${id}/review`));
    expect(fresh).toContain('collections still work');
    expect((await publisher.post(`/console/incidents/${id}/approve`, { revision: revisionOf(fresh) })).status).toBe(303);
    const approved = await html(await publisher.get(`/console/incidents/${id}/review`));
    const published = await publisher.post(`/console/incidents/${id}/publish`, { revision: revisionOf(approved) });
    expect(published.status, await published.clone().text()).toBe(303);
    expect(published.headers.get('location')).toBe(`/console/incidents/${id}/progress`);

    const moved = await t.db.select({ reference: appointments.reference, date: appointments.appointmentDate }).from(appointments);
    expect(moved.map((a) => a.date)).toEqual(['2026-06-04', '2026-06-04']);
    const queued = await t.db.select().from(deliveries).where(eq(deliveries.incidentId, id));
    expect(queued.filter((d) => d.channel === 'applicant_email')).toHaveLength(2);

    const progress = await html(await publisher.get(`/console/incidents/${id}/progress`));
    expect(progress).toContain('data-progress-done="no"');
    expect(progress).toMatch(/Emails to applicants<\/th><td>2<\/td><td>0<\/td><td>2<\/td>/);
    expect(progress).toContain('Posts on X');
    const part = await html(await publisher.get(`/console/incidents/${id}/progress?part=body`));
    expect(part.startsWith('<div id="progress"')).toBe(true);

    const actions = (await t.db.select().from(auditLog)).map((entry) => [entry.action, entry.userId]);
    expect(actions).toEqual(
      expect.arrayContaining([
        ['update.return', publisher.userId],
        ['update.approve', publisher.userId],
        ['update.publish', publisher.userId],
      ]),
    );
  });

  it('shows failed messages with the provider words, retries them for publishers and hides applicants from drafters', async () => {
    const componentId = await outageWorld();
    const drafter = await signInAsNew(t, 'drafter');
    const publisher = await signInAsNew(t, 'publisher');
    const id = await draftAsDrafter(drafter, componentId);
    const review = await html(await publisher.get(`/console/incidents/${id}/review`));
    await publisher.post(`/console/incidents/${id}/approve`, { revision: revisionOf(review) });
    await publisher.post(`/console/incidents/${id}/publish`, { revision: revisionOf(await html(await publisher.get(`/console/incidents/${id}/review`))) });
    await t.db
      .update(deliveries)
      .set({ state: 'failed', lastError: 'Resend answered 422: The email address is invalid.' })
      .where(eq(deliveries.channel, 'applicant_email'));

    const seenByDrafter = await html(await drafter.get(`/console/incidents/${id}/progress`));
    expect(seenByDrafter).toContain('The email address is invalid');
    expect(seenByDrafter).not.toContain('R1');
    expect(seenByDrafter).not.toContain('Retry every failed message');
    expect((await drafter.post(`/console/incidents/${id}/progress/retry`, {})).status).toBe(403);

    const seen = await html(await publisher.get(`/console/incidents/${id}/progress`));
    expect(seen).toContain('Retry every failed message');
    const retried = await publisher.post(`/console/incidents/${id}/progress/retry`, {});
    expect(retried.headers.get('location')).toBe(`/console/incidents/${id}/progress?retried=2`);
    const states = (await t.db.select().from(deliveries).where(eq(deliveries.channel, 'applicant_email'))).map((d) => d.state);
    expect(states).toEqual(['pending', 'pending']);
  });

  it('answers an unknown incident with the console 404 page, not JSON', async () => {
    await outageWorld();
    const drafter = await signInAsNew(t, 'drafter');
    const missing = await drafter.get('/console/incidents/nope');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toContain('text/html');
    expect(await html(missing)).toContain('No incident with id');
  });
});
