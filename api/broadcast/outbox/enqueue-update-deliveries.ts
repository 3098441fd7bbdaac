import type { Transaction } from '../../../db/client';
import { deliveries } from '../../../db/schema/index';
import { newId } from '../../ids';
import type { XDeliveryPayload } from '../x/x-delivery-payload';
import { nextXThreadPlace } from '../x/x-thread-place';
import { enqueueSubscriberDeliveries } from './enqueue-subscriber-deliveries';

/**
 * Queues the outside messages a newly published update causes, in the publish transaction, so the
 * update and its messages commit (or roll back) together: the X post in the incident's thread.
 * Its place in the thread is nextXThreadPlace's, the answer the preview shows. The text is
 * rendered when the worker first claims the post and is kept, so every retry sends the same.
 * Then subscribers' emails and webhooks (enqueue-subscriber-deliveries.ts). Applicant emails are
 * queued by rescheduleAffectedAppointments, one per appointment move.
 */
export async function enqueueUpdateDeliveries(
  tx: Transaction,
  published: { incidentId: string; updateId: string; now: Date },
): Promise<void> {
  const place = await nextXThreadPlace(tx, published.incidentId);
  const payload: XDeliveryPayload = { sequence: place.sequence, replyToDeliveryId: place.replyTo?.deliveryId ?? null };
  await tx
    .insert(deliveries)
    .values({
      id: newId(),
      channel: 'x',
      incidentId: published.incidentId,
      updateId: published.updateId,
      recipient: 'x',
      state: 'pending',
      idempotencyKey: `x:update:${published.updateId}`,
      payload,
      nextAttemptAt: published.now.toISOString(),
      createdAt: published.now.toISOString(),
      updatedAt: published.now.toISOString(),
    })
    .onConflictDoNothing({ target: deliveries.idempotencyKey });
  await enqueueSubscriberDeliveries(tx, published);
}
