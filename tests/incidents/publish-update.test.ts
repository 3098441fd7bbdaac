import { asc, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createComponent } from '../../api/components/save-component';
import { createIncident } from '../../api/incidents/create-incident';
import { draftUpdate } from '../../api/incidents/draft-update';
import { publishUpdate } from '../../api/incidents/publish-update';
import { pendingRevision } from '../../api/incidents/revision';
import { appointmentMoves, appointments, auditLog, incidents, offices } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';

const script = { userId: null, tokenId: null, role: 'admin' as const };

describe('publishUpdate called from a script (as the demo seed does)', () => {
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
  });
  afterEach(() => t.close());

  async function nyayoHouseOutage(expectedRestoration: string) {
    const now = new Date('2026-11-24T06:00:00.000Z');
    await t.db.insert(offices).values({ code: 'NYH', name: 'Nyayo House', applicationCapacity: [2, 2, 2, 2, 2, 0, 0], collectionCapacity: [2, 2, 2, 2, 2, 0, 0] });
    const component = await createComponent(t.db, { name: 'Passport application — Nyayo House', service: 'application', office: 'NYH' }, { now, actor: script });
    await t.db.insert(appointments).values(
      ['2026-11-24', '2026-11-25', '2026-11-27'].map((date, index) => ({
        reference: `APP-00${index + 1}`,
        fullName: `Applicant ${index + 1}`,
        email: `applicant${index + 1}@example.org`,
        language: 'en' as const,
        service: 'application' as const,
        officeCode: 'NYH',
        appointmentDate: date,
      })),
    );
    const { incident } = await createIncident(
      t.db,
      {
        name: 'Passport system outage',
        impact: 'critical',
        status: 'identified',
        body: 'Passport applications cannot be received. We apologise.',
        components: { [component.id]: 'major_outage' },
        disruptionFrom: '2026-11-24',
        expectedRestoration,
      },
      { now, actor: script },
    );
    return { incident, component, now };
  }

  it('publishes a script-made draft, moves the affected appointments and audits both', async () => {
    const { incident, now } = await nyayoHouseOutage('2026-11-26');
    const result = await publishUpdate(t.db, incident.id, { now, actor: script, expectedRevision: await pendingRevision(t.db, incident.id) });
    expect(result.update.state).toBe('published');
    expect(result.incident).toMatchObject({ status: 'identified', expectedRestoration: '2026-11-26', publishedAt: now.toISOString() });
    // 24 and 25 November are inside the window (up to the day before restoration); the 27th is not.
    expect(result.rescheduled.moved).toBe(2);
    const moves = await t.db.select().from(appointmentMoves).orderBy(asc(appointmentMoves.reference));
    expect(moves.map((move) => [move.reference, move.fromDate, move.incidentId])).toEqual([
      ['APP-001', '2026-11-24', incident.id],
      ['APP-002', '2026-11-25', incident.id],
    ]);
    for (const move of moves) expect(move.toDate >= '2026-11-26').toBe(true);
    const actions = (await t.db.select().from(auditLog)).map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['incident.create', 'update.publish']));
  });

  it('moves nobody twice, and moves again when a later update slips the restoration day', async () => {
    const { incident, now } = await nyayoHouseOutage('2026-11-26');
    await publishUpdate(t.db, incident.id, { now, actor: script, expectedRevision: await pendingRevision(t.db, incident.id) });
    const later = new Date('2026-11-25T06:00:00.000Z');
    await draftUpdate(t.db, incident.id, { status: 'identified', body: 'Still working on it.' }, { now: later, actor: script });
    const unchanged = await publishUpdate(t.db, incident.id, { now: later, actor: script, expectedRevision: await pendingRevision(t.db, incident.id) });
    expect(unchanged.rescheduled.moved).toBe(0);

    await draftUpdate(t.db, incident.id, { status: 'identified', body: 'Restoration slips to Monday.', expectedRestoration: '2026-11-30' }, { now: later, actor: script });
    const slipped = await publishUpdate(t.db, incident.id, { now: later, actor: script, expectedRevision: await pendingRevision(t.db, incident.id) });
    expect(slipped.rescheduled.moved).toBeGreaterThan(0);
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row.expectedRestoration).toBe('2026-11-30');
    const dates = await t.db.select({ date: appointments.appointmentDate }).from(appointments);
    for (const { date } of dates) expect(date >= '2026-11-30').toBe(true);
  });

  it('publishes only the revision the caller names, and asks for one when it is left out', async () => {
    const { incident, now } = await nyayoHouseOutage('2026-11-26');
    const reviewed = await pendingRevision(t.db, incident.id);
    await t.db.update(incidents).set({ name: 'Renamed after review' }).where(eq(incidents.id, incident.id));
    await expect(publishUpdate(t.db, incident.id, { now, actor: script, expectedRevision: reviewed })).rejects.toMatchObject({
      kind: 'conflict',
      extensions: { current_revision: await pendingRevision(t.db, incident.id) },
    });
    await expect(publishUpdate(t.db, incident.id, { now, actor: script, expectedRevision: null })).rejects.toMatchObject({ kind: 'revision_required' });
    const [row] = await t.db.select().from(incidents).where(eq(incidents.id, incident.id));
    expect(row.publishedAt).toBeNull();
  });

  it('still applies four-eyes to tokens when called directly', async () => {
    const { incident, now } = await nyayoHouseOutage('2026-11-26');
    const drafted = await createIncident(
      t.db,
      { name: 'Second', impact: 'minor', status: 'investigating', body: 'Checking.' },
      { now, actor: { userId: 'tok-publisher', tokenId: null, role: 'publisher' } },
    );
    await expect(publishUpdate(t.db, drafted.incident.id, { now, actor: { userId: 'tok-publisher', tokenId: null, role: 'publisher' }, expectedRevision: await pendingRevision(t.db, drafted.incident.id) })).rejects.toMatchObject({ kind: 'forbidden' });
    await expect(publishUpdate(t.db, incident.id, { now, actor: { userId: 'tok-drafter', tokenId: null, role: 'drafter' }, expectedRevision: await pendingRevision(t.db, incident.id) })).rejects.toMatchObject({ kind: 'forbidden' });
    const published = await publishUpdate(t.db, drafted.incident.id, { now, actor: { userId: 'tok-other', tokenId: null, role: 'publisher' }, expectedRevision: await pendingRevision(t.db, drafted.incident.id) });
    expect(published.update.publishedBy).toBe('tok-other');
  });
});
