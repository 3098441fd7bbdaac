import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApplicantVisitRecorder } from '../../api/applicants/record-applicant-action';
import { openDatabase, type DatabaseConnection } from '../../db/client';
import { countRoundTrips } from '../../db/round-trip-counter';
import { applicantActions } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { movedByOutage } from './applicant-fixtures';

describe('the applicant visit recorder (the lookup never writes)', () => {
  let t: TestContext;
  // The recorder's own connection, so a test can count its round trips or close it under it.
  let own: DatabaseConnection;
  beforeEach(async () => {
    t = await createTestContext();
    await movedByOutage(t, { references: ['R1', 'R2', 'R3'] });
    own = await openDatabase({ url: t.databaseUrl });
  });
  afterEach(() => {
    own.close();
    t.close();
  });

  const now = new Date('2026-06-01T08:00:00Z');

  it('holds visits until flushed, then writes each applicant, incident and kind once, in one statement', async () => {
    const visits = createApplicantVisitRecorder(own.db, { flushMs: 60_000 });
    for (const reference of ['R1', 'R2', 'R1', 'R3', 'R2']) visits.note({ incidentId: 'inc', reference, action: 'looked_up', now });
    visits.note({ incidentId: 'inc', reference: 'R1', action: 'opened_link', now });
    expect(await t.db.$count(applicantActions)).toBe(0);
    const roundTrips = countRoundTrips(own.client);
    await visits.flush();
    expect(roundTrips.count()).toBe(1);
    const rows = await t.db.select({ reference: applicantActions.reference, action: applicantActions.action }).from(applicantActions);
    expect(rows.map((row) => `${row.action} ${row.reference}`).sort()).toEqual(['looked_up R1', 'looked_up R2', 'looked_up R3', 'opened_link R1']);
    // A visit already recorded, an unknown appointment and an unknown incident add nothing.
    visits.note({ incidentId: 'inc', reference: 'R1', action: 'looked_up', now });
    visits.note({ incidentId: 'inc', reference: 'NOPE', action: 'looked_up', now });
    visits.note({ incidentId: 'gone', reference: 'R2', action: 'looked_up', now });
    await visits.close();
    expect(await t.db.$count(applicantActions)).toBe(4);
  });

  it('writes on its own after flushMs, and at once when it holds maxHeld visits', async () => {
    const timed = createApplicantVisitRecorder(own.db, { flushMs: 50 });
    timed.note({ incidentId: 'inc', reference: 'R1', action: 'looked_up', now });
    await expect.poll(() => t.db.$count(applicantActions), { timeout: 2_000 }).toBe(1);
    const bounded = createApplicantVisitRecorder(own.db, { flushMs: 60_000, maxHeld: 2 });
    bounded.note({ incidentId: 'inc', reference: 'R2', action: 'looked_up', now });
    bounded.note({ incidentId: 'inc', reference: 'R3', action: 'looked_up', now });
    await expect.poll(() => t.db.$count(applicantActions), { timeout: 2_000 }).toBe(3);
  });

  it('logs a write that failed instead of throwing into the request that noted it', async () => {
    const lines: string[] = [];
    const visits = createApplicantVisitRecorder(own.db, { flushMs: 60_000, log: (line) => lines.push(line) });
    visits.note({ incidentId: 'inc', reference: 'R1', action: 'looked_up', now });
    own.client.close();
    await visits.flush();
    expect(lines).toEqual([expect.stringMatching(/^applicant visits: 1 not recorded \(/)]);
  });
});
