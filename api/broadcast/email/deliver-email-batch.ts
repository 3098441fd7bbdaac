import { and, asc, eq, sql } from 'drizzle-orm';
import type { Database, DatabaseOrTransaction } from '../../../db/client';
import { deliveries, deliveryMessages } from '../../../db/schema/index';
import type { ClaimedEmail, ClaimedEmailWithMessage } from '../outbox/claim-due-deliveries';
import type { Config } from '../../config';
import { renderApplicantEmailPayloads, type ApplicantEmailPayloadResult } from '../messages/applicant-email-payloads';
import type { EmailChannel, EmailMessage } from './resend-channel';
import { markDryRun, markFailed, markSent, scheduleRetry, type LeaseHolder } from '../outbox/record-delivery-outcome';

export type EmailBatchContext = {
  db: Database;
  config: Config;
  channel: EmailChannel | null;
  holder: LeaseHolder;
  /**
   * Waits for the channel's rate limit; called right before the request, after the batch is ready.
   * May answer a function to tell the limiter when the request really went out.
   */
  beforeSend?: () => Promise<((at: number) => Promise<void>) | void>;
  /** Renders the rows that have no message yet; applicant emails unless given (subscriber emails). */
  render?: (db: DatabaseOrTransaction, config: Config, deliveryIds: string[]) => Promise<ApplicantEmailPayloadResult[]>;
};

/** Same batch, same key, same body: Resend answers a retry within 24 hours without sending again. */
export function batchIdempotencyKey(batchId: string): string {
  return `hali-batch-${batchId}`;
}

function isRendered(payload: unknown): payload is EmailMessage {
  return typeof payload === 'object' && payload !== null && 'subject' in payload && 'to' in payload;
}

/**
 * Sends one claimed batch of applicant emails with resend.batch.send. The body is every member of
 * the batch in id order with its stored payload, so each retry repeats the first request exactly.
 * A refused batch (400/422: nothing was sent) is split into batches of one under new keys, so only
 * the bad message fails, with Resend's own words.
 */
export async function deliverEmailBatch(context: EmailBatchContext, claimed: ClaimedEmail[] | ClaimedEmailWithMessage[]): Promise<void> {
  const batchId = claimed[0]?.batchId;
  if (!batchId) return;
  // A new batch claimed with its messages is the whole batch: nothing to read back or render.
  if (claimed.every((row) => 'message' in row)) {
    const members = (claimed as ClaimedEmailWithMessage[]).map((row) => ({ id: row.id, attempts: row.attempts, payload: row.message }));
    return sendBatch(context, batchId, members, new Set(members.map((row) => row.id)));
  }
  const { db, config, holder } = context;
  const held = new Set(claimed.map((row) => row.id));
  // Only what a send needs: a row object per column is most of the cost of reading 100 rows.
  const members = await db
    .select({ id: deliveries.id, payload: deliveryMessages.message, attempts: deliveries.attempts })
    .from(deliveries)
    .leftJoin(deliveryMessages, eq(deliveryMessages.deliveryId, deliveries.id))
    .where(eq(deliveries.batchId, batchId))
    .orderBy(asc(deliveries.id));

  const unrendered = members.filter((row) => held.has(row.id) && !isRendered(row.payload)).map((row) => row.id);
  if (unrendered.length) {
    const rendered = await (context.render ?? renderApplicantEmailPayloads)(db, config, unrendered);
    const messagesById = new Map(rendered.flatMap((result) => ('message' in result ? [[result.deliveryId, result.message] as const] : [])));
    await db.transaction(async (tx) => {
      // One statement for the whole batch: each row takes its own message out of one JSON object.
      await tx.run(sql`INSERT INTO delivery_messages (delivery_id, message)
        SELECT j.key, j.value FROM json_each(${JSON.stringify(Object.fromEntries(messagesById))}) AS j JOIN deliveries AS d ON d.id = j.key
        WHERE d.lease_owner = ${holder.owner}
        ON CONFLICT (delivery_id) DO UPDATE SET message = excluded.message`);
      for (const result of rendered) {
        if (!('problem' in result)) continue;
        // Never sent, so it may leave the batch: the rest goes out without it.
        await tx
          .update(deliveries)
          .set({ state: 'failed', lastError: result.problem, batchId: null, leaseOwner: null, leaseExpiresAt: null })
          .where(and(eq(deliveries.id, result.deliveryId), eq(deliveries.leaseOwner, holder.owner)));
      }
    });
    for (const row of members) row.payload = messagesById.get(row.id) ?? row.payload;
  }
  return sendBatch(context, batchId, members, held);
}

/** Sends the batch's rendered members (all of them, so a retry repeats the body) and records the outcome of the held ones. */
async function sendBatch(
  context: EmailBatchContext,
  batchId: string,
  members: { id: string; attempts: number; payload: unknown }[],
  held: Set<string>,
): Promise<void> {
  const { db, config, channel, holder } = context;
  const messages = members.filter((row) => isRendered(row.payload));
  const claimedIds = messages.filter((row) => held.has(row.id)).map((row) => row.id);
  if (claimedIds.length === 0) return;

  if (!channel) return markDryRun(db, holder, claimedIds);

  const reportLeft = await context.beforeSend?.();
  let reported: Promise<void> | undefined;
  const outcome = await channel.sendBatch(
    messages.map((row) => row.payload as EmailMessage),
    batchIdempotencyKey(batchId),
    // As soon as it left, not after the answer: the room it moves may be wanted within the second.
    // Failing to move it only risks a 429 later, which is retried; the outcome must still be recorded.
    reportLeft ? (at) => void (reported = reportLeft(at).catch(() => undefined)) : undefined,
  );
  await reported;
  if (outcome.kind === 'sent') {
    return markSent(db, holder, messages.map((row, index) => ({ id: row.id, providerId: outcome.ids[index] })));
  }
  if (outcome.kind === 'retry') {
    const rows = messages.filter((row) => held.has(row.id));
    return scheduleRetry(db, holder, rows, { message: outcome.message, waitMs: outcome.waitMs, maxAttempts: config.delivery.maxAttempts });
  }
  if (outcome.kind === 'invalid' && messages.length > 1) {
    await db
      .update(deliveries)
      .set({
        state: 'pending',
        batchId: sql`${batchId} || '-' || ${deliveries.id}`,
        nextAttemptAt: holder.now.toISOString(),
        lastError: `${outcome.message} (sending each email of the batch on its own to find the one refused)`,
        leaseOwner: null,
        leaseExpiresAt: null,
      })
      .where(and(eq(deliveries.batchId, batchId), eq(deliveries.leaseOwner, holder.owner), eq(deliveries.state, 'sending')));
    return;
  }
  await markFailed(db, holder, claimedIds, outcome.message);
}
