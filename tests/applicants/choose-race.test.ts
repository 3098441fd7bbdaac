import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { appointmentMoves, appointments, deliveries, officeOverrides } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';
import { chooseLinkPath, movedByOutage, postForm } from './applicant-fixtures';

describe('applicants racing for the last places on a day', () => {
  let t: TestContext;
  const references = Array.from({ length: 50 }, (_, i) => `RACE-${String(i).padStart(2, '0')}`);
  beforeEach(async () => {
    t = await createTestContext();
    await movedByOutage(t, { capacity: 100, references });
    // Wednesday 10 June gets exactly 10 places, all free.
    await t.db.insert(officeOverrides).values({ officeCode: 'NYH', date: '2026-06-10', service: 'application', capacity: 10 });
  });
  afterEach(() => t.close());

  it('50 choices at once for the last 10 places: exactly 10 booked, 40 told the day just filled with a fresh list, one email per choice', async () => {
    const links = await Promise.all(references.map((reference) => chooseLinkPath(t, reference)));
    const emailsBefore = await t.db.$count(deliveries);
    const answers = await Promise.all(links.map((path) => postForm(t, path, { date: '2026-06-10' })));
    const pages = await Promise.all(answers.map((answer) => answer.text()));
    const statuses = answers.map((answer) => answer.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(10);
    expect(statuses.filter((status) => status === 409)).toHaveLength(40);
    for (const [i, page] of pages.entries()) {
      if (statuses[i] !== 409) continue;
      expect(page).toContain('That day has just filled');
      const offered = [...page.matchAll(/name="date"[^>]*value="(\d{4}-\d{2}-\d{2})"/g)].map((match) => match[1]);
      expect(offered).not.toContain('2026-06-10');
      expect(offered.length).toBeGreaterThan(1);
    }
    expect(await t.db.$count(appointments, eq(appointments.appointmentDate, '2026-06-10'))).toBe(10);
    expect(await t.db.$count(appointmentMoves, eq(appointmentMoves.reason, "applicant's choice"))).toBe(10);
    expect(await t.db.$count(deliveries)).toBe(emailsBefore + 10);
  });
});
