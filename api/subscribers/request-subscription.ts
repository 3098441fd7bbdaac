import { eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { components, deliveries, subscribers, type AppointmentLanguage } from '../../db/schema/index';
import { subscriberEmailMessage } from '../broadcast/messages/subscriber-email-message';
import type { Config } from '../config';
import { badRequest } from '../domain-errors';
import { newId } from '../ids';
import { confirmSubscriptionUrl } from './subscriber-links';

export type SubscriptionRequest = {
  email: string;
  language: AppointmentLanguage;
  /** The components to follow; empty follows all. */
  componentIds: string[];
};

/** Lower-cased and trimmed: one subscriber per mailbox however the address was typed. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/**
 * Someone asked to be emailed. A new, pending or unsubscribed address becomes pending with the
 * chosen language and components and gets one confirmation email (queued in the same
 * transaction, its idempotency key numbered per address); a confirmed address is left as it is.
 * The caller answers the same either way, so the form never tells whether an address is known.
 */
export async function requestSubscription(db: Database, config: Config, request: SubscriptionRequest, now: Date): Promise<void> {
  const email = normaliseEmail(request.email);
  const at = now.toISOString();
  const componentIds = [...new Set(request.componentIds)];
  await db.transaction(async (tx) => {
    if (componentIds.length) {
      const known = await tx.select({ id: components.id }).from(components).where(inArray(components.id, componentIds));
      if (known.length !== componentIds.length) {
        throw badRequest('Some of the chosen services are not on the status page any more; reload the page and choose again.', [
          { field: 'components', message: 'unknown component' },
        ]);
      }
    }
    const following = componentIds.length ? componentIds : null;
    const [existing] = await tx.select().from(subscribers).where(eq(subscribers.email, email));
    if (existing?.state === 'confirmed') return;
    const [subscriber] = existing
      ? await tx
          .update(subscribers)
          .set({ state: 'pending', language: request.language, componentIds: following, confirmationsSent: existing.confirmationsSent + 1, updatedAt: at })
          .where(eq(subscribers.id, existing.id))
          .returning()
      : await tx
          .insert(subscribers)
          .values({ id: newId(), email, language: request.language, componentIds: following, state: 'pending', confirmationsSent: 1, createdAt: at, updatedAt: at })
          .returning();
    await tx.insert(deliveries).values({
      id: newId(),
      channel: 'subscriber_email',
      recipient: subscriber.id,
      state: 'pending',
      idempotencyKey: `subscriber_email:confirm:${subscriber.id}:${subscriber.confirmationsSent}`,
      // Rendered now: the worker sends it as it is, every retry the same.
      payload: subscriberEmailMessage(config, subscriber, { kind: 'confirm', confirmUrl: confirmSubscriptionUrl(config, subscriber.id) }),
      nextAttemptAt: at,
      createdAt: at,
      updatedAt: at,
    });
  });
}
