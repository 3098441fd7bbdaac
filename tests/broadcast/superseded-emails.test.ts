import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { appointmentMoves, deliveries } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { publish } from '../api/staff-api-fixtures';
import { storedMessages } from './broadcast-test-data';

// A restoration date that slips before the first emails went out must not send the applicant two
// emails (the first naming a date that is already gone): the later email replaces the unsent one
// and speaks from the date the applicant last knew.
describe('an applicant email replaced before it was sent', () => {
  let t: TestContext;
  let incidentId: string;
  beforeEach(async () => {
    t = await createTestContext();
    t.now.value = new Date('2026-05-29T06:00:00Z');
    const week = [1, 1, 1, 1, 1, 0, 0];
    await t.request('POST', '/api/v1/offices', { token: t.tokens.admin, json: { code: 'NYH', name: 'Nyayo House', address: 'Kenyatta Avenue, Nairobi', capacity: { application: week, collection: week } } });
    const component = await t.request('POST', '/api/v1/components', { token: t.tokens.publisher, json: { name: 'Applications — Nyayo House', service: 'application', office: 'NYH' } });
    const componentId = ((await component.json()) as { id: string }).id;
    const csv = ['reference,full_name,email,language,service,office,appointment_date', 'R1,Amina Ali,amina@example.com,en,application,NYH,2026-05-29'].join('\n');
    expect((await t.request('POST', '/api/v1/appointments/import', { token: t.tokens.publisher, body: csv, headers: { 'Content-Type': 'text/csv' } })).status).toBe(200);
    const created = await t.request('POST', '/api/v1/incidents', {
      token: t.tokens.drafter,
      json: { name: 'Passport systems down', impact: 'major', status: 'identified', body: 'Down. We apologise.', components: { [componentId]: 'major_outage' }, disruption_from: '2026-05-29', expected_restoration: '2026-06-02' },
    });
    incidentId = ((await created.json()) as { id: string }).id;
    expect((await publish(t, incidentId, t.tokens.publisher)).status).toBe(200);
  });
  afterEach(() => t.close());

  async function slipTo(day: string) {
    const slip = await t.request('POST', `/api/v1/incidents/${incidentId}/updates`, { token: t.tokens.drafter, json: { status: 'identified', body: 'One more day.', expected_restoration: day } });
    expect(slip.status).toBe(201);
    expect((await publish(t, incidentId, t.tokens.publisher)).status).toBe(200);
  }
  const emails = () => t.db.select().from(deliveries).where(and(eq(deliveries.channel, 'applicant_email'), eq(deliveries.recipient, 'R1'))).orderBy(deliveries.moveId);
  const drain = () => startDeliveryWorker({ config: t.config, db: t.db, now: () => t.now.value }, { poll: false, log: () => {} }).drainOnce();

  it('sends one email, from the booked date to the latest new date, when the slip comes first', async () => {
    await slipTo('2026-06-03');
    await drain();
    const rows = await emails();
    expect(rows.map((row) => row.state)).toEqual(['superseded', 'dry_run']);
    const moves = await t.db.select().from(appointmentMoves).where(eq(appointmentMoves.reference, 'R1')).orderBy(appointmentMoves.id);
    expect(moves.map((move) => [move.fromDate, move.toDate])).toEqual([['2026-05-29', '2026-06-02'], ['2026-06-02', '2026-06-03']]);
    const text = String((await storedMessages(t.db, [rows[1].id])).get(rows[1].id)?.text);
    // The applicant never heard of 2 June: the email speaks from the booked 29 May to 3 June.
    expect(text).toContain('29 May 2026');
    expect(text).toContain('3 June 2026');
    expect(text).not.toContain('2 June 2026');
  });

  it('keeps an email that already went out and sends the new date from the one it announced', async () => {
    await drain();
    await slipTo('2026-06-03');
    await drain();
    const rows = await emails();
    expect(rows.map((row) => row.state)).toEqual(['dry_run', 'dry_run']);
    const text = String((await storedMessages(t.db, [rows[1].id])).get(rows[1].id)?.text);
    expect(text).toContain('2 June 2026');
    expect(text).toContain('3 June 2026');
  });
});
