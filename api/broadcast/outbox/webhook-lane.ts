import { deliverWebhook } from '../webhook/deliver-webhook';
import type { WebhookChannel } from '../webhook/webhook-channel';
import { claimWebhookDelivery } from './claim-webhook-delivery';
import { holderOf, leaseOf, type Lane, type LaneContext } from './worker-lane';

/**
 * Webhook calls, one at a time per lane; the worker runs a few lanes so one slow endpoint (up to
 * 30 s) does not hold up the others. `channel` null: recorded as dry runs.
 */
export function webhookLane(context: LaneContext, channel: WebhookChannel | null): Lane {
  const { db, config, signal } = context;
  return async () => {
    let handled = 0;
    while (!signal.aborted) {
      const row = await claimWebhookDelivery(db, leaseOf(context));
      if (!row) break;
      await deliverWebhook({ db, config, channel, holder: holderOf(context) }, row);
      handled += 1;
    }
    return handled;
  };
}
