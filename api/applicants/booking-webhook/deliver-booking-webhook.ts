import { and, eq } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { deliveries, type DeliveryRow } from '../../../db/schema/index';
import { markSent, scheduleRetry, type LeaseHolder } from '../../broadcast/outbox/record-delivery-outcome';
import type { WebhookChannel } from '../../broadcast/webhook/webhook-channel';
import type { Config } from '../../config';
import { signWebhookBody, webhookSignatureHeader } from '../../subscribers/webhooks/webhook-signature';
import { encodeChangeCursor } from '../change-cursor';
import { appointmentChangeJson } from '../appointment-change-json';
import { listAppointmentChanges } from '../list-appointment-changes';
import type { BookingWebhookPayload } from './queue-booking-webhook-calls';

export type BookingWebhookTarget = { url: string; secret: string };

/**
 * One call to the booking system: `{"type":"appointment.changes","items":[…],"next":"<cursor>"}`,
 * the changes feed's own items and cursor (so a receiver that also polls can tell where it is),
 * signed like every Hali webhook (`X-Hali-Signature: t=<unix>,v1=<HMAC-SHA256 of "<t>.<body>">`)
 * with BOOKING_WEBHOOK_SECRET. The body is rendered at the first attempt and stored, so retries
 * send the same bytes under a fresh signature time; a non-2xx answer is retried with back-off until
 * DELIVERY_MAX_ATTEMPTS, then the call is dead and a staff re-drive sends it again.
 */
export async function deliverBookingWebhook(
  context: { db: Database; config: Config; target: BookingWebhookTarget; channel: WebhookChannel; holder: LeaseHolder },
  row: DeliveryRow,
): Promise<void> {
  const { db, config, holder } = context;
  const payload = row.payload as BookingWebhookPayload;
  let body = payload.body;
  if (body === undefined) {
    const page = await listAppointmentChanges(db, {
      after: encodeChangeCursor(payload.afterMoveId),
      limit: payload.throughMoveId - payload.afterMoveId,
      throughMoveId: payload.throughMoveId,
    });
    body = JSON.stringify({
      type: 'appointment.changes',
      items: page.items.map(appointmentChangeJson),
      next: encodeChangeCursor(payload.throughMoveId),
    });
    await db
      .update(deliveries)
      .set({ payload: { ...payload, body } })
      .where(and(eq(deliveries.id, row.id), eq(deliveries.leaseOwner, holder.owner)));
  }
  const headers = { [webhookSignatureHeader]: signWebhookBody(context.target.secret, Math.floor(holder.now.getTime() / 1000), body), 'X-Hali-Delivery': row.id };
  const answer = await context.channel.post(context.target.url, body, headers);
  if (answer.kind === 'answered' && answer.status >= 200 && answer.status < 300) return markSent(db, holder, [{ id: row.id, providerId: `http-${answer.status}` }]);
  const problem = answer.kind === 'answered' ? `The booking system answered HTTP ${answer.status}` : `The booking system could not be reached: ${answer.message}`;
  await scheduleRetry(db, holder, [row], { message: problem, maxAttempts: config.delivery.maxAttempts });
}
