import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { deliveries } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { publish } from '../api/staff-api-fixtures';

// End to end through the staff API: offices, components, a CSV import, an incident drafted by one
// person and published by another; the publish moves the appointments and queues the emails.
describe('publishing an incident reschedules its appointments (API end to end)', () => {
  let t: TestContext;
  let componentId: string;
  beforeEach(async () => {
    t = await createTestContext();
    t.now.value = new Date('2026-05-29T06:00:00Z');
    const week = [2, 2, 2, 2, 2, 0, 0];
    const office = await t.request('POST', '/api/v1/offices', { token: t.tokens.admin, json: { code: 'NYH', name: 'Nyayo House', capacity: { application: week, collection: week } } });
    expect(office.status).toBe(201);
    const component = await t.request('POST', '/api/v1/components', { token: t.tokens.publisher, json: { name: 'Applications — Nyayo House', service: 'application', office: 'NYH' } });
    componentId = ((await component.json()) as { id: string }).id;
    const csv = [
      'reference,full_name,email,language,service,office,appointment_date',
      'R1,Amina Ali,amina@example.com,sw,application,NYH,2026-05-29',
      'R2,John Otieno,john@example.com,en,application,NYH,2026-05-29',
      'R3,Mary Wanjiru,mary@example.com,en,application,NYH,2026-06-02',
      'R4,Peter Kamau,peter@example.com,en,collection,NYH,2026-05-29',
    ].join('\n');
    const imported = await t.request('POST', '/api/v1/appointments/import', { token: t.tokens.publisher, body: csv, headers: { 'Content-Type': 'text/csv' } });
    expect(imported.status).toBe(200);
  });
  afterEach(() => t.close());

  const dateOf = async (reference: string) =>
    ((await (await t.request('GET', `/api/v1/appointments/${reference}`, { token: t.tokens.admin })).json()) as { appointment_date: string; moves: unknown[] });

  it('moves on publish, shows the draft’s consequences first, and cascades when restoration slips', async () => {
    const created = await t.request('POST', '/api/v1/incidents', {
      token: t.tokens.drafter,
      json: {
        name: 'Passport systems down',
        impact: 'major',
        status: 'identified',
        body: 'Our passport systems are down. We apologise.',
        components: { [componentId]: 'major_outage' },
        disruption_from: '2026-05-29',
        expected_restoration: '2026-06-02',
      },
    });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };

    const draft = (await (await t.request('GET', `/api/v1/incidents/${id}/affected`, { token: t.tokens.drafter })).json()) as { counts: { total: number; to_move: number } };
    expect(draft.counts).toMatchObject({ total: 2, to_move: 2 });

    const published = await publish(t, id, t.tokens.publisher);
    expect(published.status).toBe(200);
    expect((await dateOf('R1')).appointment_date).toBe('2026-06-02'); // 2 June has one place left after R3
    expect((await dateOf('R2')).appointment_date).toBe('2026-06-03');
    expect((await dateOf('R4')).appointment_date).toBe('2026-05-29'); // collections were not disrupted
    expect(await t.db.$count(deliveries, eq(deliveries.channel, 'applicant_email'))).toBe(2);

    const slip = await t.request('POST', `/api/v1/incidents/${id}/updates`, {
      token: t.tokens.drafter,
      json: { status: 'identified', body: 'Restoration will take one more day.', expected_restoration: '2026-06-03' },
    });
    expect(slip.status).toBe(201);
    expect((await publish(t, id, t.tokens.publisher)).status).toBe(200);
    // R1 and R3 (2 June) are now inside the window; R1 came first originally, so it takes the one
    // place left on 3 June beside R2, and R3 goes to 4 June. One new move and email each.
    const r1 = await dateOf('R1');
    expect(r1.appointment_date).toBe('2026-06-03');
    expect(r1.moves).toHaveLength(2);
    expect((await dateOf('R3')).appointment_date).toBe('2026-06-04');
    expect((await dateOf('R2')).moves).toHaveLength(1);
    expect(await t.db.$count(deliveries, eq(deliveries.channel, 'applicant_email'))).toBe(4);
  });
});
