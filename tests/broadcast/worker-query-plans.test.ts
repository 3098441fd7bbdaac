import type { InStatement, TransactionMode } from '@libsql/client';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from '../../api/broadcast/email/resend-channel';
import { startDeliveryWorker } from '../../api/broadcast/outbox/delivery-worker';
import { openDatabase } from '../../db/client';
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
    const statements: InStatement[] = [];
    const execute = connection.client.execute.bind(connection.client);
    connection.client.execute = ((statement: InStatement) => {
      statements.push(statement);
      return execute(statement);
    }) as typeof connection.client.execute;
    // The claim of a new batch and the storing of its messages run as one batch.
    const batch = connection.client.batch.bind(connection.client);
    connection.client.batch = ((batchStatements: InStatement[], mode?: TransactionMode) => {
      statements.push(...batchStatements);
      return batch(batchStatements, mode);
    }) as typeof connection.client.batch;
    const transaction = connection.client.transaction.bind(connection.client);
    connection.client.transaction = (async (mode?: TransactionMode) => {
      const tx = await transaction(mode);
      const run = tx.execute.bind(tx);
      tx.execute = (statement: InStatement) => {
        statements.push(statement);
        return run(statement);
      };
      return tx;
    }) as typeof connection.client.transaction;
    const worker = startDeliveryWorker(
      { config: h.t.config, db: connection.db },
      { poll: false, emailConcurrency: 1, log: () => {}, channels: { x: null, email: createEmailChannel(h.t.config.resend) } },
    );
    await worker.drainOnce();
    await worker.stop();
    expect(h.resend.emails).toHaveLength(300);

    const updates = statements.filter((s) => typeof s !== 'string' && /^\s*update\s+"?deliveries"?\s/i.test(s.sql)) as Exclude<InStatement, string>[];
    expect(updates.length).toBeGreaterThanOrEqual(6);
    for (const update of updates) {

      const plan = await connection.client.execute({ sql: `EXPLAIN QUERY PLAN ${update.sql}`, args: update.args ?? [] });
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
