import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { deliveries, webhooks, type DeliveryRow } from '../../../db/schema/index';
import type { Config } from '../../config';
import { recordWebhookFailure, recordWebhookSuccess } from '../../subscribers/webhooks/record-webhook-outcome';
import { renderWebhookPayload, type WebhookDeliveryKind } from '../../subscribers/webhooks/webhook-payload';
import { signWebhookBody, webhookSignatureHeader } from '../../subscribers/webhooks/webhook-signature';
import { markDryRun, markFailed, markSent, scheduleRetry, type LeaseHolder } from '../outbox/record-delivery-outcome';
import type { WebhookChannel } from './webhook-channel';

/** The stored form: the kind it was queued with, then the exact body once rendered. */
type WebhookDeliveryPayload = WebhookDeliveryKind & { body?: string };

export type WebhookDeliveryContext = { db: Database; config: Config; channel: WebhookChannel | null; holder: LeaseHolder };

/** Header naming the delivery: the same on every retry, so a receiver can drop a repeat (after a crash, a lost answer). */
export const webhookDeliveryHeader = 'X-Hali-Delivery';

/** A challenge is answered by echoing it: `{"challenge":"…"}` or the bare value. */
function echoes(answer: string, challenge: string): boolean {
  if (answer.trim() === challenge) return true;
  try {
    const parsed = JSON.parse(answer) as { challenge?: unknown };
    return parsed?.challenge === challenge;
  } catch {
    return false;
  }
}

/**
 * Sends one claimed webhook delivery. The body is rendered at the first claim and stored, so every
 * retry sends the same bytes (with a fresh signature time). A 2xx counts as delivered; anything
 * else is retried with back-off and counted against the webhook, which is disabled after
 * repeated failure. `channel` null: recorded as a dry run.
 */
export async function deliverWebhook(context: WebhookDeliveryContext, row: DeliveryRow): Promise<void> {
  const { db, config, holder } = context;
  const [webhook] = await db.select().from(webhooks).where(eq(webhooks.id, row.recipient));
  const payload = row.payload as WebhookDeliveryPayload;
  const wanted = payload.kind === 'challenge' ? 'pending' : 'active';
  if (!webhook || webhook.state !== wanted) return markFailed(db, holder, [row.id], `The webhook is ${webhook ? webhook.state : 'removed'}; nothing was sent.`);

  let body = payload.body;
  if (body === undefined) {
    const rendered =
      payload.kind === 'challenge'
        ? { type: 'challenge', challenge: webhook.challenge }
        : await renderWebhookPayload(db, config, { webhookId: webhook.id, incidentId: row.incidentId, updateId: row.updateId, kind: payload });
    if (!rendered) return markFailed(db, holder, [row.id], 'What this webhook call reported is no longer published.');
    body = JSON.stringify(rendered);
    await db
      .update(deliveries)
      .set({ payload: { ...payload, body } })
      .where(and(eq(deliveries.id, row.id), eq(deliveries.leaseOwner, holder.owner)));
  }
  if (!context.channel) return markDryRun(db, holder, [row.id]);

  const headers = { [webhookSignatureHeader]: signWebhookBody(webhook.secret, Math.floor(holder.now.getTime() / 1000), body), [webhookDeliveryHeader]: row.id };
  const answer = await context.channel.post(webhook.url, body, headers);
  const delivered = answer.kind === 'answered' && answer.status >= 200 && answer.status < 300;
  const problem = !delivered
    ? answer.kind === 'answered'
      ? `The endpoint answered HTTP ${answer.status}`
      : `The endpoint could not be reached: ${answer.message}`
    : payload.kind === 'challenge' && !echoes(answer.body, webhook.challenge ?? '')
      ? 'The endpoint answered but did not echo the challenge'
      : null;
  if (!problem) {
    await recordWebhookSuccess(db, webhook.id, holder.now, payload.kind === 'challenge');
    return markSent(db, holder, [{ id: row.id, providerId: answer.kind === 'answered' ? `http-${answer.status}` : 'sent' }]);
  }
  const disabled = await recordWebhookFailure(db, webhook.id, holder.now, problem);
  if (disabled) return markFailed(db, holder, [row.id], `${problem}; the webhook is now disabled.`);
  await scheduleRetry(db, holder, [row], { message: problem, maxAttempts: config.delivery.maxAttempts });
}
