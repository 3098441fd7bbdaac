import { and, count, eq, isNotNull } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentMoves, appointments, deliveries, incidents, incidentUpdates } from '../../db/schema/index';
import { isDatabaseEmpty, seedDemo } from '../../scripts/demo/demo';
import { createTestContext, type TestContext } from '../support/test-context';

describe('the demo seed', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  it('loads the passport outage with its notice, moved appointments and queued messages', async () => {
    expect(await isDatabaseEmpty(t.db)).toBe(true);
    const demo = await seedDemo(t.db, { now: new Date('2026-11-25T08:00:00Z') });
    expect(await isDatabaseEmpty(t.db)).toBe(false);

    const [outage] = await t.db.select().from(incidents).where(eq(incidents.id, demo.incidentId));
    expect(outage).toMatchObject({ status: 'identified', impact: 'critical', disruptionFrom: '2026-11-25' });
    // Thursday 26, Friday 27, Monday 30 November are working days; the third is the restoration.
    expect(outage.expectedRestoration).toBe('2026-11-30');

    const updates = await t.db.select().from(incidentUpdates).where(eq(incidentUpdates.incidentId, demo.incidentId));
    expect(updates.map((u) => u.state)).toEqual(['published', 'published']);
    expect(updates.some((u) => u.body.startsWith('We regret to inform our clients'))).toBe(true);

    // Every move the outage caused lands on or after restoration and has exactly one applicant email queued.
    const moves = await t.db.select().from(appointmentMoves).where(eq(appointmentMoves.incidentId, demo.incidentId));
    expect(moves.length).toBe(demo.moved);
    expect(demo.moved).toBeGreaterThan(100);
    expect(moves.every((m) => m.toDate >= '2026-11-30' && m.fromDate >= '2026-11-25' && m.fromDate < '2026-11-30')).toBe(true);
    const [{ value: emails }] = await t.db
      .select({ value: count() })
      .from(deliveries)
      .where(and(eq(deliveries.channel, 'applicant_email'), isNotNull(deliveries.moveId), eq(deliveries.incidentId, demo.incidentId)));
    expect(emails).toBe(demo.moved);
    const xPosts = await t.db.select().from(deliveries).where(and(eq(deliveries.channel, 'x'), eq(deliveries.incidentId, demo.incidentId)));
    expect(xPosts).toHaveLength(2);

    const [{ value: booked }] = await t.db.select({ value: count() }).from(appointments);
    expect(booked).toBeGreaterThan(1000);
  });
});
