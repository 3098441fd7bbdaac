import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { deliveries, incidentUpdates, incidents, type DeliveryRow } from '../../../db/schema/index';
import type { Config } from '../../config';
import { classifyXError, type RecentXPost, type XChannel } from './x-channel';
import { dryRunPostId, type XDeliveryPayload } from './x-delivery-payload';
import { withoutBidiControls } from '../../text/isolate-bidi';
import { composeXPostText } from './x-post-text';
import { markDryRun, markFailed, markSent, scheduleRetry, type LeaseHolder } from '../outbox/record-delivery-outcome';

/**
 * Posts one claimed X delivery. X takes no idempotency key, so "never twice, never a broken
 * thread" rests on three things (see api/broadcast/README.md):
 * 1. Only one X post is in flight for the whole account (claimXDelivery), and a reply is claimed
 *    only once the post it answers has its id: the thread is built strictly in order.
 * 2. The text is rendered once and stored before the first request; every retry sends it again.
 * 3. Before any retry (attempt 2 or more: the last one may have reached X and died before our
 *    bookkeeping), we read the account's most recent post (GET /2/users/me, expansion
 *    most_recent_post_id). If it is this text replying to this parent, it is ours: we record its id
 *    instead of posting again. If X still refuses a new post as duplicate content, we look once
 *    more; if the post cannot be identified we fail loudly rather than guess.
 */
export type XDeliveryContext = { db: Database; config: Config; channel: XChannel | null; holder: LeaseHolder };

export async function deliverXPost(context: XDeliveryContext, row: DeliveryRow): Promise<void> {
  const { db, channel, holder } = context;
  const payload = await renderOnce(context, row);
  if (!payload) return;
  if (!channel) {
    await markDryRun(db, holder, [row.id], dryRunPostId(row.id));
    return;
  }
  const retry = (message: string, waitMs?: number) =>
    scheduleRetry(db, holder, [row], { message, waitMs, maxAttempts: context.config.delivery.maxAttempts });
  try {
    // Any earlier try (this claim counts as one; a re-drive resets the count but keeps last_error)
    // may have reached X without an answer: look before posting again.
    if (row.attempts > 1 || row.lastError !== null) {
      const earlier = await findOurPost(channel, payload, row.createdAt);
      if (earlier) return await recordPosted(context, row, payload, earlier.id, true);
    }
    const outcome = await channel.post(payload.text!, payload.inReplyTo ?? null);
    if (outcome.kind === 'posted') return await recordPosted(context, row, payload, outcome.id);
    if (outcome.kind === 'retry') return await retry(outcome.message, outcome.waitMs);
    if (outcome.kind === 'permanent') return await markFailed(db, holder, [row.id], outcome.message);
    const existing = await findOurPost(channel, payload, row.createdAt);
    if (existing) return await recordPosted(context, row, payload, existing.id, true);
    await markFailed(
      db,
      holder,
      [row.id],
      `${outcome.message} The post seems to be on the account already, but it is not the latest post, so its id cannot be confirmed and the thread cannot continue safely. Check the account, then retry.`,
    );
  } catch (error) {
    // Only the look-up of the latest post throws; post() answers with an outcome.
    const outcome = classifyXError(error);
    if (outcome.kind === 'retry') return await retry(outcome.message, outcome.waitMs);
    await markFailed(db, holder, [row.id], outcome.kind === 'posted' ? String(error) : outcome.message);
  }
}

/** The text, its weight and the parent's post id, fixed at the first claim and reused by every retry. */
async function renderOnce(context: XDeliveryContext, row: DeliveryRow): Promise<XDeliveryPayload | null> {
  const payload = (row.payload ?? { sequence: 1, replyToDeliveryId: null }) as XDeliveryPayload;
  if (payload.text !== undefined) return payload;
  const { db, holder, config } = context;
  const [source] = await db
    .select({ body: incidentUpdates.body, xText: incidentUpdates.xText, incidentId: incidents.id, incidentName: incidents.name })
    .from(incidentUpdates)
    .innerJoin(incidents, eq(incidents.id, incidentUpdates.incidentId))
    .where(eq(incidentUpdates.id, row.updateId ?? ''));
  if (!source) {
    await markFailed(db, holder, [row.id], 'The update this post was for no longer exists.');
    return null;
  }
  const [parent] = payload.replyToDeliveryId
    ? await db.select({ providerId: deliveries.providerId }).from(deliveries).where(eq(deliveries.id, payload.replyToDeliveryId))
    : [];
  const composed = composeXPostText({ ...source, publicUrl: config.publicUrl });
  // A parent that only ran dry was never on X: once X is live, this post starts the thread there.
  const parentOnX = parent?.providerId && !(context.channel && parent.providerId === dryRunPostId(payload.replyToDeliveryId ?? ''));
  const inReplyTo = parentOnX ? parent.providerId : null;
  const rendered: XDeliveryPayload = { ...payload, text: composed.text, weightedLength: composed.weightedLength, inReplyTo };
  await db
    .update(deliveries)
    .set({ payload: rendered })
    .where(and(eq(deliveries.id, row.id), eq(deliveries.leaseOwner, holder.owner)));
  return rendered;
}

/** X shortens links (t.co), escapes &, < and > and may drop bidi isolates: compare texts without those differences. */
function comparableText(text: string): string {
  return withoutBidiControls(text)
    .replace(/https?:\/\/\S+/g, 'URL')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/\s+/g, ' ')
    .trim();
}

async function findOurPost(channel: XChannel, payload: XDeliveryPayload, queuedAt: string): Promise<RecentXPost | null> {
  const post = await channel.findMostRecentPost();
  if (!post) return null;
  const sameText = comparableText(post.text) === comparableText(payload.text ?? '');
  const sameParent = (post.inReplyTo ?? null) === (payload.inReplyTo ?? null);
  const afterQueued = !post.createdAt || Date.parse(post.createdAt) >= Date.parse(queuedAt) - 60_000;
  return sameText && sameParent && afterQueued ? post : null;
}

/** `recovered`: the post was found on the account rather than made by this attempt. */
async function recordPosted(context: XDeliveryContext, row: DeliveryRow, payload: XDeliveryPayload, postId: string, recovered = false): Promise<void> {
  const { db, holder } = context;
  // The update's post id first: if we die before markSent, the takeover finds the post and adopts it.
  if (row.updateId) await db.update(incidentUpdates).set({ xPostId: postId }).where(eq(incidentUpdates.id, row.updateId));
  if (recovered) {
    await db
      .update(deliveries)
      .set({ payload: { ...payload, recoveredFromTimeline: true } })
      .where(and(eq(deliveries.id, row.id), eq(deliveries.leaseOwner, holder.owner)));
  }
  await markSent(db, holder, [{ id: row.id, providerId: postId }]);
}
