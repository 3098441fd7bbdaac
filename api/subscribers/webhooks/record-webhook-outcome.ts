import { eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { webhooks } from '../../../db/schema/index';
import { dropQueuedWebhookDeliveries } from './register-webhook';

/** Consecutive failed attempts after which a webhook is disabled (Statuspage disables failing endpoints too). */
export const maxConsecutiveWebhookFailures = 10;

export async function recordWebhookSuccess(db: Database, webhookId: string, now: Date, activate: boolean): Promise<void> {
  const at = now.toISOString();
  await db
    .update(webhooks)
    .set({
      consecutiveFailures: 0,
      lastError: null,
      lastDeliveredAt: at,
      updatedAt: at,
      ...(activate ? { state: 'active' as const, challenge: null, confirmedAt: at } : {}),
    })
    .where(eq(webhooks.id, webhookId));
}

/**
 * Counts a failed attempt; at the limit the webhook is disabled with the reason (shown to staff in
 * GET /webhooks) and what was queued for it is dropped. Returns true when it was disabled now.
 */
export async function recordWebhookFailure(db: Database, webhookId: string, now: Date, message: string): Promise<boolean> {
  const at = now.toISOString();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhooks)
      .set({ consecutiveFailures: sql`${webhooks.consecutiveFailures} + 1`, lastError: message, updatedAt: at })
      .where(eq(webhooks.id, webhookId))
      .returning({ failures: webhooks.consecutiveFailures, state: webhooks.state });
    if (!row || row.state === 'disabled' || row.failures < maxConsecutiveWebhookFailures) return false;
    const reason = `Disabled after ${row.failures} consecutive failed deliveries; the last: ${message}`;
    await tx.update(webhooks).set({ state: 'disabled', disabledReason: reason, disabledAt: at }).where(eq(webhooks.id, webhookId));
    await dropQueuedWebhookDeliveries(tx, webhookId, now, reason);
    return true;
  });
}
