import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Transaction } from '../../../db/client';
import { deliveries, deliveryMessages, incidents, type DeliveryRow } from '../../../db/schema/index';
import { recordAudit } from '../../audit/record-audit';
import type { ActionContext } from '../../auth/actor';
import { conflict, notFound } from '../../domain-errors';

const retryable = ['failed', 'dead'] as const;

/**
 * Puts failed and dead deliveries back in the queue with fresh attempts.
 * - A dead email batch (it ran out of attempts on 429/5xx/network errors) goes back whole, with
 *   its batch id, key and body: if an earlier attempt did reach Resend within the last 24 hours,
 *   Resend answers the retry without sending again.
 * - A failed email (refused for good, or not renderable) was never sent: it leaves its batch and is
 *   rendered again (e.g. after its address was corrected), so it goes out in a new batch.
 * - An X post goes back as it was; the worker checks the account before posting again.
 */
async function requeue(tx: Transaction, rows: DeliveryRow[], at: string): Promise<number> {
  let requeued = 0;
  const back = { state: 'pending' as const, attempts: 0, nextAttemptAt: at, leaseOwner: null, leaseExpiresAt: null, updatedAt: at };
  for (const row of rows) {
    const email = row.channel === 'applicant_email' || row.channel === 'subscriber_email';
    if (email && row.state === 'dead' && row.batchId) {
      const batch = await tx
        .update(deliveries)
        .set(back)
        .where(and(eq(deliveries.batchId, row.batchId), eq(deliveries.state, 'dead')))
        .returning({ id: deliveries.id });
      requeued += batch.length;
    } else {
      const renderAgain = email && row.state === 'failed';
      const done = await tx
        .update(deliveries)
        .set({ ...back, ...(renderAgain ? { batchId: null, payload: null } : {}) })
        .where(and(eq(deliveries.id, row.id), inArray(deliveries.state, retryable)))
        .returning({ id: deliveries.id });
      // Its old message goes too: it is rendered again when the email joins a new batch.
      if (renderAgain && done.length) await tx.delete(deliveryMessages).where(eq(deliveryMessages.deliveryId, row.id));
      requeued += done.length;
    }
  }
  return requeued;
}

export async function retryDelivery(db: Database, deliveryId: string, context: ActionContext): Promise<number> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select().from(deliveries).where(eq(deliveries.id, deliveryId));
    if (!row) throw notFound('delivery', deliveryId);
    if (!(retryable as readonly string[]).includes(row.state)) {
      throw conflict(`Only failed or dead deliveries can be retried; this one is ${row.state}.`);
    }
    const requeued = await requeue(tx, [row], context.now.toISOString());
    await recordAudit(tx, { actor: context.actor, action: 'delivery.retry', targetType: 'delivery', targetId: deliveryId, detail: { channel: row.channel, requeued } });
    return requeued;
  });
}

/** Every failed and dead delivery of the incident, back in the queue. */
export async function retryIncidentDeliveries(db: Database, incidentId: string, context: ActionContext): Promise<number> {
  return db.transaction(async (tx) => {
    const [incident] = await tx.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId));
    if (!incident) throw notFound('incident', incidentId);
    const rows = await tx
      .select()
      .from(deliveries)
      .where(and(eq(deliveries.incidentId, incidentId), inArray(deliveries.state, retryable)));
    const requeued = await requeue(tx, rows, context.now.toISOString());
    await recordAudit(tx, { actor: context.actor, action: 'incident.deliveries.retry', targetType: 'incident', targetId: incidentId, detail: { requeued } });
    return requeued;
  });
}
