import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from '../../api/broadcast/email/resend-channel';
import { startDeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { openDatabase } from '../../db/client';
import { recordStatements } from '../support/record-statements';
import { createBroadcastHarness, type BroadcastHarness } from './broadcast-harness';
import { createIncident, createMovedAppointments } from './broadcast-test-data';

const harnesses: BroadcastHarness[] = [];
afterEach(async () => {
  for (const h of harnesses.splice(0)) await h.close();
});

// An UPDATE of the outbox that SQLite plans over an index of a column the statement does not pin
// to one value reads every row of that index: during a 100,000-email fan-out, each claim read all
// waiting emails. Each must find its rows by primary key, or by the one batch id it names.
describe('the statements a worker runs to send a batch', () => {
  it('update deliveries by key, never by walking the waiting emails', async () => {
    const h = await createBroadcastHarness({ dry: { x: true } });
    harnesses.push(h);
    await createMovedAppointments(h.t.db, await createIncident(h.t.db), 300);
    const connection = await openDatabase(h.t.config.database);
    // Alone, in a batch (the claim of a new batch with its messages) or in a transaction.
    const statements = recordStatements(connection);
    const worker = startDeliveryWorker(
      { config: h.t.config, db: connection.db },
      { poll: false, emailConcurrency: 1, log: () => {}, channels: { x: null, email: createEmailChannel(h.t.config.resend) } },
    );
    await worker.drainOnce();
    await worker.stop();
    expect(h.resend.emails).toHaveLength(300);

    const updates = statements.filter((s) => /^\s*update\s+"?deliveries"?\s/i.test(s.sql));
    expect(updates.length).toBeGreaterThanOrEqual(6);
    for (const update of updates) {

      const plan = await connection.client.execute({ sql: `EXPLAIN QUERY PLAN ${update.sql}`, args: update.args });
      // The top-level steps: how the rows to update are found (a subquery's own reads sit below).
      const steps = plan.rows.filter((row) => Number(row.parent) === 0).map((row) => String(row.detail)).filter((detail) => / deliveries\b/.test(detail));
      const byBatchId = /"batch_id" = \?/.test(update.sql.split(/\swhere\s/i)[1] ?? '');
      expect(steps, update.sql).toEqual([
        expect.stringMatching(byBatchId ? /^SEARCH deliveries USING (INDEX deliveries_batch \(batch_id=\?\)|INDEX sqlite_autoindex_deliveries_1 \(id=\?\))$/ : /^SEARCH deliveries USING INDEX sqlite_autoindex_deliveries_1 \(id=\?\)$/),
      ]);
    }
    connection.close();
  });
});
