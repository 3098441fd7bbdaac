import { and, eq, inArray, lt, lte, or, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { deliveries, type DeliveryRow } from '../../../db/schema/index';
import type { Lease } from './claim-due-deliveries';

/**
 * The next due webhook call (or one a dead worker left under an expired lease), claimed with one
 * UPDATE … RETURNING like every other claim, so two workers never send the same row at once.
 */
export async function claimWebhookDelivery(db: Database, lease: Lease, channel: 'webhook' | 'booking_webhook' = 'webhook'): Promise<DeliveryRow | null> {
  const now = lease.now.toISOString();
  const next = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        eq(deliveries.channel, channel),
        or(and(eq(deliveries.state, 'pending'), lte(deliveries.nextAttemptAt, now)), and(eq(deliveries.state, 'sending'), lt(deliveries.leaseExpiresAt, now))),
      ),
    )
    .orderBy(deliveries.nextAttemptAt, sql`${deliveries}.rowid`)
    .limit(1);
  const [row] = await db
    .update(deliveries)
    .set({
      state: 'sending',
      leaseOwner: lease.owner,
      leaseExpiresAt: new Date(lease.now.getTime() + lease.leaseMs).toISOString(),
      attempts: sql`${deliveries.attempts} + 1`,
      updatedAt: now,
    })
    .where(and(inArray(deliveries.id, next), or(eq(deliveries.state, 'pending'), lt(deliveries.leaseExpiresAt, now))))
    .returning();
  return row ?? null;
}
