import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { deliveries } from '../../../db/schema/index';
import { computeRetryDelay } from './retry-delay';

/**
 * The bookkeeping after an attempt. Every write is guarded by the caller's lease, so a worker
 * that lost its lease (it was too slow and another took over) cannot overwrite the newer outcome.
 */
export type LeaseHolder = { owner: string; now: Date };

function heldBy(holder: LeaseHolder, ids: string[]) {
  return and(inArray(deliveries.id, ids), eq(deliveries.leaseOwner, holder.owner), eq(deliveries.state, 'sending'));
}

const releaseLease = { leaseOwner: null, leaseExpiresAt: null } as const;

/** Sent: each id with the provider's id for it, in one statement however many there are. */
export async function markSent(db: Database, holder: LeaseHolder, sent: { id: string; providerId: string }[]): Promise<void> {
  if (sent.length === 0) return;
  const at = holder.now.toISOString();
  // Bound values passed to the client as they are, like the claim's (claim-due-deliveries.ts).
  await db.$client.execute({
    sql: `UPDATE deliveries SET state = 'sent', provider_id = m.column2, last_error = NULL, sent_at = ?, updated_at = ?,
        lease_owner = NULL, lease_expires_at = NULL
      FROM (VALUES ${sent.map(() => '(?, ?)').join(', ')}) AS m
      WHERE deliveries.id = m.column1 AND deliveries.lease_owner = ? AND deliveries.state = 'sending'`,
    args: [at, at, ...sent.flatMap((item) => [item.id, item.providerId]), holder.owner],
  });
}

/** Recorded, not sent: the channel has no credentials. The payload shows what would have gone out. */
export async function markDryRun(db: Database, holder: LeaseHolder, ids: string[], providerId: string | null = null): Promise<void> {
  if (ids.length === 0) return;
  const at = holder.now.toISOString();
  await db.update(deliveries).set({ ...releaseLease, state: 'dry_run', providerId, lastError: null, sentAt: at, updatedAt: at }).where(heldBy(holder, ids));
}

/**
 * A transient failure: back off and try again, unless the rows have used their attempts, in which
 * case they are dead (shown in the API, re-drivable by a publisher).
 */
export async function scheduleRetry(
  db: Database,
  holder: LeaseHolder,
  rows: { id: string; attempts: number }[],
  failure: { message: string; waitMs?: number; maxAttempts: number },
): Promise<void> {
  const at = holder.now.toISOString();
  for (const attempts of new Set(rows.map((row) => row.attempts))) {
    const ids = rows.filter((row) => row.attempts === attempts).map((row) => row.id);
    const dead = attempts >= failure.maxAttempts;
    const nextAttemptAt = new Date(holder.now.getTime() + computeRetryDelay(attempts, failure.waitMs)).toISOString();
    const lastError = dead ? `${failure.message} (gave up after ${attempts} attempts)` : failure.message;
    await db
      .update(deliveries)
      .set({ ...releaseLease, state: dead ? 'dead' : 'pending', nextAttemptAt, lastError, updatedAt: at })
      .where(heldBy(holder, ids));
  }
}

/** A permanent failure: not retried until a person re-drives it. */
export async function markFailed(db: Database, holder: LeaseHolder, ids: string[], message: string): Promise<void> {
  if (ids.length === 0) return;
  const at = holder.now.toISOString();
  await db.update(deliveries).set({ ...releaseLease, state: 'failed', lastError: message, updatedAt: at }).where(heldBy(holder, ids));
}

/** Gives back a claim whose request never went out (the worker is stopping): no attempt is counted. */
export async function releaseClaim(db: Database, holder: LeaseHolder, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(deliveries)
    .set({ ...releaseLease, state: 'pending', attempts: sql`max(0, ${deliveries.attempts} - 1)`, updatedAt: holder.now.toISOString() })
    .where(heldBy(holder, ids));
}
