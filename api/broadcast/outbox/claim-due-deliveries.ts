import { createHash } from 'node:crypto';
import { and, eq, exists, inArray, isNotNull, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database, DatabaseOrTransaction } from '../../../db/client';
import { deliveries, type DeliveryRow } from '../../../db/schema/index';
import { maxBatchSize, type EmailMessage } from '../email/resend-channel';
import type { ApplicantEmailPayloadResult } from '../messages/applicant-email-payloads';
import { oneAtATime, type Line } from '../../one-at-a-time';

/**
 * Claims take work under a lease (lease_owner, lease_expires_at) with one UPDATE … RETURNING each,
 * which SQLite and libSQL run atomically: two workers never claim the same row, and a crashed
 * worker's rows become claimable again once its lease has expired. Each claim counts an attempt.
 */
export type Lease = { owner: string; now: Date; leaseMs: number };

function leaseColumns(lease: Lease) {
  return {
    state: 'sending' as const,
    leaseOwner: lease.owner,
    leaseExpiresAt: new Date(lease.now.getTime() + lease.leaseMs).toISOString(),
    attempts: sql`${deliveries.attempts} + 1`,
    updatedAt: lease.now.toISOString(),
  };
}

/** Due now, or abandoned by a worker whose lease ran out. */
function claimable(now: string) {
  return or(
    and(eq(deliveries.state, 'pending'), lte(deliveries.nextAttemptAt, now)),
    and(eq(deliveries.state, 'sending'), lt(deliveries.leaseExpiresAt, now)),
  );
}

/**
 * The next X post, one at a time for the whole account: none is claimed while another is in
 * flight (so "the account's latest post" identifies ours after a crash), and a reply waits until
 * the post it answers has its id.
 */
function nextXDelivery(db: Database, now: string) {
  const parent = alias(deliveries, 'parent');
  const inFlight = alias(deliveries, 'in_flight');
  return db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.channel, 'x'),
        claimable(now),
        or(
          sql`json_extract(${deliveries.payload}, '$.replyToDeliveryId') is null`,
          exists(
            db
              .select({ id: parent.id })
              .from(parent)
              .where(and(sql`${parent.id} = json_extract(${deliveries.payload}, '$.replyToDeliveryId')`, inArray(parent.state, ['sent', 'dry_run']))),
          ),
        ),
        notExists(
          db
            .select({ id: inFlight.id })
            .from(inFlight)
            .where(and(eq(inFlight.channel, 'x'), eq(inFlight.state, 'sending'), sql`${inFlight.leaseExpiresAt} >= ${now}`)),
        ),
      ),
    )
    .orderBy(deliveries.createdAt, sql`json_extract(${deliveries.payload}, '$.sequence')`)
    .limit(1);
}

/** Whether claimXDelivery would find a post now: a read, so an idle worker reserves no rate-limit room. */
export async function hasDueXDelivery(db: Database, now: Date): Promise<boolean> {
  return (await nextXDelivery(db, now.toISOString())).length > 0;
}

export async function claimXDelivery(db: Database, lease: Lease): Promise<DeliveryRow | null> {
  const next = nextXDelivery(db, lease.now.toISOString());
  const [row] = await db.update(deliveries).set(leaseColumns(lease)).where(inArray(deliveries.id, next)).returning();
  return row ?? null;
}

/**
 * A batch whose membership is already fixed: abandoned mid-send by a worker whose lease ran out,
 * or waiting for a retry that is now due. Each kind is found with a read on deliveries_due (an
 * idle worker polling takes no write lock and commits nothing), then its batch is claimed by
 * batch id; a batch another worker claimed in between is no longer claimable and yields nothing.
 */
export type ClaimedEmail = { id: string; batchId: string | null };
const claimedEmail = { id: deliveries.id, batchId: deliveries.batchId };

/** The channels whose emails go out in Resend batches. */
export type EmailDeliveryChannel = 'applicant_email' | 'subscriber_email';

export async function claimEmailBatch(db: Database, lease: Lease, channel: EmailDeliveryChannel = 'applicant_email'): Promise<ClaimedEmail[]> {
  const now = lease.now.toISOString();
  const abandoned = and(eq(deliveries.state, 'sending'), lt(deliveries.leaseExpiresAt, now));
  const due = and(eq(deliveries.state, 'pending'), lte(deliveries.nextAttemptAt, now));
  for (const condition of [abandoned, due]) {
    const [next] = await db
      .select({ batchId: deliveries.batchId })
      .from(deliveries)
      .where(and(eq(deliveries.channel, channel), isNotNull(deliveries.batchId), condition))
      .limit(1);
    if (!next?.batchId) continue;
    const claimed = await db
      .update(deliveries)
      .set(leaseColumns(lease))
      .where(and(eq(deliveries.batchId, next.batchId), claimable(now)))
      .returning(claimedEmail);
    if (claimed.length) return claimed;
  }
  return [];
}

/**
 * The batch id (and with it the Idempotency-Key) of a set of emails: derived from its members, so
 * the same emails form the same key again even where the ledger forgot the first attempt (a
 * database restored from a backup taken before those emails went out); Resend then answers the
 * repeat from its record instead of sending twice.
 */
export function emailBatchId(deliveryIds: string[]): string {
  return createHash('sha256').update([...deliveryIds].sort().join('\n')).digest('base64url').slice(0, 22);
}

/** A claimed email of a new batch, with its message; `attempts` counts this claim. */
export type ClaimedEmailWithMessage = ClaimedEmail & { message: EmailMessage; attempts: number };

/** Renders the messages of deliveries for a claim; a row it cannot render comes back with the problem. */
export type RenderEmails = (db: DatabaseOrTransaction, deliveryIds: string[]) => Promise<ApplicantEmailPayloadResult[]>;

// The unary + keeps SQLite on the primary key: given "batch_id IS NULL" it chose the batch index
// and read every unbatched row per claim (8.4 ms for 20,000 waiting, 1.9 ms by key).
const stillWaiting = and(eq(deliveries.state, 'pending'), sql`+${deliveries.batchId} IS NULL`);

/**
 * Forms a new batch from up to 100 waiting emails and claims it with their messages, so the batch
 * id and each message are in the database before the first request. The oldest due go first, ties
 * in the order they were queued, so the same waiting rows always form the same batches.
 *
 * Each message is rendered first (reads only) and stored in `delivery_messages` in the transaction
 * that claims the batch: nothing is written twice or read back (on a 20,000-email fan-out a second
 * write, its commit and reading the batch back cost about a tenth of the worker's CPU), and no
 * write lock is held while rendering, which would make every other worker's writes wait
 * (and their requests leave late). The claim takes the batch whole or not at all: if another
 * worker claimed any of these emails meanwhile, it claims none and reads again. A row that cannot
 * be rendered is failed with its problem and leaves the batch; it was never sent.
 */
export async function claimNewEmailBatch(
  db: Database,
  lease: Lease,
  channel: EmailDeliveryChannel,
  render: RenderEmails,
): Promise<ClaimedEmailWithMessage[]> {
  const now = lease.now.toISOString();
  return claimLineOf(db)(async () => {
    for (let attempt = 0; attempt < 3; attempt++) {
      const waiting = await db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(and(eq(deliveries.channel, channel), eq(deliveries.state, 'pending'), isNull(deliveries.batchId), lte(deliveries.nextAttemptAt, now)))
        .orderBy(deliveries.nextAttemptAt, sql`${deliveries}.rowid`)
        .limit(maxBatchSize);
      if (waiting.length === 0) return [];
      const claimed = await claimRendered(db, lease, waiting.map((row) => row.id), render);
      if (claimed) return claimed;
    }
    return [];
  });
}

// The email lanes of one process claim one at a time: each would otherwise read the same oldest
// emails, render them all, and all but one would claim nothing.
const claimLines = new WeakMap<Database, Line>();
function claimLineOf(db: Database): Line {
  let line = claimLines.get(db);
  if (!line) claimLines.set(db, (line = oneAtATime()));
  return line;
}

/** The batch of `ids` with its messages, or null when none was claimed (another worker claimed some first, or none could be rendered). */
async function claimRendered(db: Database, lease: Lease, ids: string[], render: RenderEmails): Promise<ClaimedEmailWithMessage[] | null> {
  const now = lease.now.toISOString();
  const batchId = emailBatchId(ids);
  const rendered = await render(db, ids);
  const messages = new Map(rendered.flatMap((result) => ('message' in result ? [[result.deliveryId, result.message] as const] : [])));
  for (const result of rendered) {
    if ('message' in result) continue;
    await db
      .update(deliveries)
      .set({ state: 'failed', lastError: result.problem, attempts: sql`${deliveries.attempts} + 1`, updatedAt: now })
      .where(and(eq(deliveries.id, result.deliveryId), stillWaiting));
  }
  if (messages.size === 0) return null;
  const expiresAt = new Date(lease.now.getTime() + lease.leaseMs).toISOString();
  const renderedIds = [...messages.keys()];
  const idList = renderedIds.map(() => '?').join(', ');
  // One transaction on one connection, with no await between its statements. The claim takes the
  // batch whole or not at all: only if every one of these emails is still waiting (the count of
  // rows found by key). The messages go in only beside the rows this very claim took (its owner,
  // batch and lease end), so a claim that lost the race stores nothing. Bound values, not one
  // JSON document (SQLite parsing 330 KB of JSON and writing each message back out cost 3 ms a
  // batch), passed to the client as they are: built through drizzle, these statements and markSent's
  // made the worker allocate 1,360 MB instead of 1,204 MB for 20,000 emails.
  const [claim] = await db.$client.batch(
    [
      {
        sql: `UPDATE deliveries SET state = 'sending', lease_owner = ?, lease_expires_at = ?, attempts = attempts + 1, updated_at = ?, batch_id = ?
          WHERE deliveries.id IN (${idList}) AND deliveries.state = 'pending' AND +deliveries.batch_id IS NULL
            AND (SELECT count(*) FROM deliveries AS w WHERE w.id IN (${idList}) AND w.state = 'pending' AND +w.batch_id IS NULL) = ?
          RETURNING deliveries.id AS id, deliveries.attempts AS attempts`,
        args: [lease.owner, expiresAt, now, batchId, ...renderedIds, ...renderedIds, renderedIds.length],
      },
      {
        sql: `INSERT INTO delivery_messages (delivery_id, message)
          SELECT m.column1, m.column2 FROM (VALUES ${renderedIds.map(() => '(?, ?)').join(', ')}) AS m JOIN deliveries AS d ON d.id = m.column1
          WHERE d.batch_id = ? AND d.lease_owner = ? AND d.lease_expires_at = ? AND d.state = 'sending'
          ON CONFLICT (delivery_id) DO UPDATE SET message = excluded.message`,
        args: [...renderedIds.flatMap((id) => [id, JSON.stringify(messages.get(id))]), batchId, lease.owner, expiresAt],
      },
    ],
    'write',
  );
  const claimed = claim.rows.map((row) => ({ id: String(row.id), attempts: Number(row.attempts) }));
  if (claimed.length === 0) return null;
  return claimed
    .map((row) => ({ id: row.id, batchId, attempts: row.attempts, message: messages.get(row.id)! }))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
