import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq, sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, describe, expect, it } from 'vitest';
import { deliverEmailBatch } from '../../api/broadcast/email/deliver-email-batch';
import type { EmailMessage } from '../../api/broadcast/email/resend-channel';
import { claimEmailBatch } from '../../api/broadcast/outbox/claim-due-deliveries';
import { listDeliveries } from '../../api/broadcast/outbox/list-deliveries';
import { loadConfig } from '../../api/config';
import { migrateDatabase, openDatabase, type DatabaseConnection } from '../../db/client';
import { deliveries, deliveryMessages } from '../../db/schema/index';

const migrationsFolder = fileURLToPath(new URL('../../db/migrations', import.meta.url));

/** The committed migrations as they stood before `tag`: a database an earlier version left behind. */
function migrationsBefore(tag: string, into: string): string {
  cpSync(migrationsFolder, into, { recursive: true });
  const journalPath = join(into, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  expect(cut).toBeGreaterThan(0);
  writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, cut) }));
  return into;
}

const message = (to: string): EmailMessage => ({ from: 'Hali <noreply@example.org>', to, subject: `Your new appointment, ${to}`, html: '<p>Hello</p>', text: 'Hello \u2068Amina\u2069', tags: [] });

describe('upgrading a database whose email rows carry their messages', () => {
  let dir: string;
  let connection: DatabaseConnection;
  afterEach(() => {
    connection?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('moves each batched message to delivery_messages, and a retry of the batch sends the very same body under its key', async () => {
    dir = mkdtempSync(join(tmpdir(), 'hali-upgrade-'));
    const url = `file:${join(dir, 'hali.db')}`;
    connection = await openDatabase({ url });
    const { db } = connection;
    await migrate(db, { migrationsFolder: migrationsBefore('0011_delivery_messages', join(dir, 'migrations')) });
    const at = '2026-12-01T08:00:00.000Z';
    await db.run(sql`INSERT INTO incidents (id, name, status, impact) VALUES ('inc', 'Passport services down', 'investigating', 'critical')`);
    const row = (id: string, channel: string, fields: { state: string; batch: string | null; payload: unknown; lease?: string }) =>
      db.run(sql`INSERT INTO deliveries (id, channel, incident_id, recipient, state, idempotency_key, batch_id, payload, lease_owner, lease_expires_at, attempts, next_attempt_at, created_at, updated_at)
        VALUES (${id}, ${channel}, 'inc', ${`R-${id}`}, ${fields.state}, ${`key:${id}`}, ${fields.batch}, ${fields.payload === null ? null : JSON.stringify(fields.payload)},
          ${fields.lease ?? null}, ${fields.lease ? at : null}, 1, ${at}, ${at}, ${at})`);
    // A batch of two claimed by a worker of the earlier version, which then died mid-request.
    await row('e1', 'applicant_email', { state: 'sending', batch: 'batch-1', payload: message('a@example.com'), lease: 'old-worker' });
    await row('e2', 'applicant_email', { state: 'sending', batch: 'batch-1', payload: message('b@example.com'), lease: 'old-worker' });
    // Not batched yet: nothing rendered (applicant) or queued rendered (a subscriber's confirmation).
    await row('e3', 'applicant_email', { state: 'pending', batch: null, payload: null });
    await row('s1', 'subscriber_email', { state: 'pending', batch: null, payload: message('s@example.com') });
    await row('x1', 'x', { state: 'pending', batch: null, payload: { sequence: 1, replyToDeliveryId: null } });

    await migrateDatabase(db);

    const moved = await db.select().from(deliveryMessages).orderBy(deliveryMessages.deliveryId);
    expect(moved).toEqual([
      { deliveryId: 'e1', message: message('a@example.com') },
      { deliveryId: 'e2', message: message('b@example.com') },
    ]);
    const payloads = Object.fromEntries((await db.select({ id: deliveries.id, payload: deliveries.payload }).from(deliveries)).map((r) => [r.id, r.payload]));
    expect(payloads).toEqual({ e1: null, e2: null, e3: null, s1: message('s@example.com'), x1: { sequence: 1, replyToDeliveryId: null } });
    // The ledger's API still shows each email's message.
    const listed = await listDeliveries(db, { channel: 'applicant_email', limit: 10, offset: 0 });
    expect(listed.items.find((item) => item.id === 'e1')?.payload).toEqual(message('a@example.com'));

    // The old worker's lease runs out; a new worker takes the batch over and repeats its request.
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: url });
    const now = new Date('2026-12-01T09:00:00.000Z');
    const claimed = await claimEmailBatch(db, { owner: 'new-worker', now, leaseMs: 60_000 });
    expect(claimed.map((r) => r.id).sort()).toEqual(['e1', 'e2']);
    const requests: { messages: EmailMessage[]; key: string }[] = [];
    const channel = {
      sendBatch: async (messages: EmailMessage[], key: string) => {
        requests.push({ messages, key });
        return { kind: 'sent' as const, ids: messages.map((_, i) => `provider-${i}`) };
      },
    };
    await deliverEmailBatch({ db, config, channel, holder: { owner: 'new-worker', now } }, claimed);
    expect(requests).toEqual([{ messages: [message('a@example.com'), message('b@example.com')], key: 'hali-batch-batch-1' }]);
    const sent = await db.select({ state: deliveries.state }).from(deliveries).where(eq(deliveries.batchId, 'batch-1'));
    expect(sent.map((r) => r.state)).toEqual(['sent', 'sent']);
  });
});
