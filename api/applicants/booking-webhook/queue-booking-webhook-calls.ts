import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { appointmentMoves, deliveries, settings } from '../../../db/schema/index';
import { newIds } from '../../ids';

/** How far the booking webhook has queued: the last move id handed to the outbox. */
const cursorKey = 'booking_webhook_cursor';
/** Changes per call: a 100,000-move publish becomes 200 calls of a small body each. */
export const changesPerBookingCall = 500;

export type BookingWebhookPayload = { afterMoveId: number; throughMoveId: number; body?: string };

/**
 * Queues one booking_webhook delivery per batch of moves not yet queued, and moves the cursor in
 * the same transaction. The idempotency key names the range, so two workers queueing at once
 * cannot queue a range twice. Answers how many calls it queued.
 */
export async function queueBookingWebhookCalls(db: Database, now: Date): Promise<number> {
  let queued = 0;
  for (;;) {
    const added = await db.transaction(async (tx) => {
      const [cursor] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, cursorKey));
      const after = Number(cursor?.value ?? 0);
      const batch = await tx
        .select({ id: appointmentMoves.id })
        .from(appointmentMoves)
        .where(gt(appointmentMoves.id, after))
        .orderBy(asc(appointmentMoves.id))
        .limit(changesPerBookingCall);
      const through = batch.at(-1)?.id;
      if (through === undefined) return 0;
      const at = now.toISOString();
      const payload: BookingWebhookPayload = { afterMoveId: after, throughMoveId: through };
      await tx
        .insert(deliveries)
        .values({ id: newIds(1)[0], channel: 'booking_webhook', recipient: 'booking-system', idempotencyKey: `booking_webhook:moves:${after}-${through}`, payload, nextAttemptAt: at, createdAt: at, updatedAt: at })
        .onConflictDoNothing();
      await tx
        .insert(settings)
        .values({ key: cursorKey, value: String(through) })
        .onConflictDoUpdate({ target: settings.key, set: { value: sql`excluded.value` } });
      return 1;
    });
    if (added === 0) return queued;
    queued += added;
  }
}
