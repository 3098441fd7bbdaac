import { eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { webhooks } from '../../../db/schema/index';
import type { Config } from '../../config';
import { readSubscriberLinkToken } from '../subscriber-link-token';
import { dropQueuedWebhookDeliveries } from './register-webhook';

export function isWebhookUnsubscribeLink(config: Config, token: string): boolean {
  return readSubscriberLinkToken(token, 'webhook_unsubscribe', config.calendarSigningSecret) !== null;
}

/** The `meta.unsubscribe` link of every payload: removes the webhook. False for an invalid link; a repeat is a success. */
export async function unsubscribeWebhook(db: Database, config: Config, token: string, now: Date): Promise<boolean> {
  const id = readSubscriberLinkToken(token, 'webhook_unsubscribe', config.calendarSigningSecret);
  if (!id) return false;
  await db.transaction(async (tx) => {
    await tx.delete(webhooks).where(eq(webhooks.id, id));
    await dropQueuedWebhookDeliveries(tx, id, now, 'The webhook was unsubscribed before this was sent.');
  });
  return true;
}
