import { systemActor } from '../../api/auth/actor';
import { performance } from 'node:perf_hooks';
import { eq, sql } from 'drizzle-orm';
import { deliveries } from '../../db/schema/index';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rescheduleAffectedAppointments } from '../../api/appointments/reschedule-affected-appointments';
import { startDeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { createTestContext, type TestContext } from '../support/test-context';
import { addOffice, weekdays } from './appointment-fixtures';

/** Runs `work` with a 5 ms timer beside it; answers how long it took and the longest the timer was held up. */
async function withTimerGaps(work: () => Promise<unknown>): Promise<{ took: number; longestGap: number }> {
  const started = performance.now();
  let last = started;
  let longestGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    longestGap = Math.max(longestGap, now - last);
    last = now;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(ticker);
  }
  return { took: performance.now() - started, longestGap };
}

// The status page is served by the process that publishes and (in `npm start`) runs the worker;
// the local libSQL driver is synchronous, so long runs of statements must leave the loop turns.
describe('a large publish and its emails share the event loop', () => {
  const affected = 3_000;
  let t: TestContext;
  beforeEach(async () => {
    t = await createTestContext();
    for (const code of ['O0', 'O1']) await addOffice(t.db, code, { application: weekdays(400), collection: weekdays(400) });
    await t.db.run(sql`INSERT INTO components (id, name, service, office_code) VALUES ('app', 'Applications', 'application', NULL)`);
    await t.db.run(sql`INSERT INTO incidents (id, name, status, impact, disruption_from, expected_restoration, published_at)
      VALUES ('down', 'Systems down', 'identified', 'critical', '2026-06-08', '2026-06-22', '2026-06-08T06:00:00Z')`);
    await t.db.run(sql`INSERT INTO incident_components (incident_id, component_id, status) VALUES ('down', 'app', 'major_outage')`);
    await t.db.run(sql`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < ${affected - 1})
      INSERT INTO appointments (reference, full_name, email, language, service, office_code, appointment_date)
      SELECT printf('AFF%06d', i), 'Applicant', printf('a%06d@example.org', i), CASE WHEN i % 2 THEN 'en' ELSE 'sw' END, 'application',
        'O' || (i % 2), date('2026-06-08', '+' || ((i % 10) / 5 * 7 + (i % 10) % 5) || ' days')
      FROM n`);
  });
  afterEach(() => t.close());

  it('the dry-run worker rendering every applicant email lets timers run in between', async () => {
    const now = new Date('2026-06-01T07:00:00Z');
    const moved = await t.db.transaction((tx) => rescheduleAffectedAppointments(tx, 'down', { now, actor: systemActor }));
    expect(moved.moved).toBe(affected);
    // Polling, as inside `npm start`, until every email is recorded.
    const { took, longestGap } = await withTimerGaps(async () => {
      const worker = startDeliveryWorker({ config: t.config, db: t.db, now: () => now }, { idleMs: 20, log: () => {} });
      while ((await t.db.$count(deliveries, eq(deliveries.state, 'dry_run'))) < affected) await new Promise((resolve) => setTimeout(resolve, 20));
      await worker.stop();
    });
    // Unsliced, rendering and recording thousands of emails holds the loop the whole time.
    expect(longestGap, `drain took ${Math.round(took)} ms`).toBeLessThan(took / 3);
  });
});
