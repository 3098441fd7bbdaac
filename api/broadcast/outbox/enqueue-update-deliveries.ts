import { and, eq, sql } from 'drizzle-orm';
import type { Transaction } from '../../../db/client';
import { closedIncidentStatuses, deliveries, incidentUpdates } from '../../../db/schema/index';
import { newId } from '../../ids';
import type { XDeliveryPayload } from '../x/x-delivery-payload';

/**
 * Queues the outside messages a newly published update causes, in the publish transaction, so the
 * update and its messages commit (or roll back) together: the X post in the incident's thread.
 * The first post of an incident starts the thread; each later one replies to the one before, and
 * the resolving update is the last reply (an update published after it starts a new thread). The
 * text is rendered when the worker first claims the post and is kept, so every retry sends the same.
 * Applicant emails are queued by rescheduleAffectedAppointments, one per appointment move.
 */
export async function enqueueUpdateDeliveries(
  tx: Transaction,
  published: { incidentId: string; updateId: string; now: Date },
): Promise<void> {
  const [previous] = await tx
    .select({ id: deliveries.id, payload: deliveries.payload, status: incidentUpdates.status })
    .from(deliveries)
    .leftJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .where(and(eq(deliveries.incidentId, published.incidentId), eq(deliveries.channel, 'x')))
    .orderBy(sql`json_extract(${deliveries.payload}, '$.sequence') desc`)
    .limit(1);
  const previousPayload = previous?.payload as XDeliveryPayload | null | undefined;
  const threadClosed = previous?.status ? (closedIncidentStatuses as readonly string[]).includes(previous.status) : false;
  const payload: XDeliveryPayload = {
    sequence: (previousPayload?.sequence ?? 0) + 1,
    replyToDeliveryId: previous && !threadClosed ? previous.id : null,
  };
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
}
