import { claimWebhookDelivery } from '../../broadcast/outbox/claim-webhook-delivery';
import { holderOf, leaseOf, type Lane, type LaneContext } from '../../broadcast/outbox/worker-lane';
import { createWebhookChannel, type WebhookChannel } from '../../broadcast/webhook/webhook-channel';
import { deliverBookingWebhook } from './deliver-booking-webhook';
import { queueBookingWebhookCalls } from './queue-booking-webhook-calls';

/**
 * The booking system's lane of the delivery worker: queues calls for the moves made since the last
 * pass, then sends what is due, one call at a time and in order of queueing. Without
 * BOOKING_WEBHOOK_URL it does nothing (the booking system polls the changes feed instead). The
 * URL is the operator's own, usually on the department's network, so private addresses are allowed.
 */
export function bookingWebhookLane(context: LaneContext, channel?: WebhookChannel): Lane {
  const target = context.config.bookingWebhook;
  const sender = channel ?? createWebhookChannel({ allowPrivateAddresses: true });
  return async () => {
    if (!target) return 0;
    await queueBookingWebhookCalls(context.db, context.now());
    let handled = 0;
    while (!context.signal.aborted) {
      const row = await claimWebhookDelivery(context.db, leaseOf(context), 'booking_webhook');
      if (!row) break;
      await deliverBookingWebhook({ db: context.db, config: context.config, target, channel: sender, holder: holderOf(context) }, row);
      handled += 1;
    }
    return handled;
  };
}
