import { createHash } from 'node:crypto';
import { and, eq, exists, inArray, isNotNull, isNull, lt, lte, notExists, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Database } from '../../../db/client';
import { deliveries, type DeliveryRow } from '../../../db/schema/index';
import { maxBatchSize } from '../email/resend-channel';

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

/**
 * Forms a new batch from up to 100 waiting emails and claims it in one (immediate) transaction:
 * the batch id is fixed in the database before the first request. The oldest due go first, ties
 * in the order they were queued, so the same waiting rows always form the same batches.
 */
export async function claimNewEmailBatch(db: Database, lease: Lease, channel: EmailDeliveryChannel = 'applicant_email'): Promise<ClaimedEmail[]> {
  const now = lease.now.toISOString();
  return db.transaction(async (tx) => {
    const waiting = await tx
      .select({ id: deliveries.id })
      .from(deliveries)
      .where(and(eq(deliveries.channel, channel), eq(deliveries.state, 'pending'), isNull(deliveries.batchId), lte(deliveries.nextAttemptAt, now)))
      .orderBy(deliveries.nextAttemptAt, sql`${deliveries}.rowid`)
      .limit(maxBatchSize);
    if (waiting.length === 0) return [];
    const ids = waiting.map((row) => row.id);
    return tx
      .update(deliveries)
      .set({ ...leaseColumns(lease), batchId: emailBatchId(ids) })
      // The unary + keeps SQLite on the primary key: given "batch_id IS NULL" it chose the batch
      // index and read every unbatched row per claim (8.4 ms for 20,000 waiting, 1.9 ms by key).
      .where(and(inArray(deliveries.id, ids), eq(deliveries.state, 'pending'), sql`+${deliveries.batchId} IS NULL`))
      .returning(claimedEmail);
  });
}
