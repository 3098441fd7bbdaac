import { and, eq, inArray } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { deliveries, subscribers, type AppointmentLanguage } from '../../db/schema/index';
import type { Config } from '../config';
import { readSubscriberLinkToken, type SubscriberLinkPurpose } from './subscriber-link-token';

/** Whom a valid link is for, as much as its page needs (the language); null for an invalid link. */
export type LinkedSubscriber = { id: string; language: AppointmentLanguage };

export async function findLinkedSubscriber(db: Database, config: Config, token: string, purpose: SubscriberLinkPurpose): Promise<LinkedSubscriber | null> {
  const id = readSubscriberLinkToken(token, purpose, config.calendarSigningSecret);
  if (!id) return null;
  const [row] = await db.select({ id: subscribers.id, language: subscribers.language }).from(subscribers).where(eq(subscribers.id, id));
  return row ?? null;
}

/**
 * Confirms a pending subscription. A repeated click is a success, not an error; an unsubscribed
 * address stays unsubscribed (an old confirm link must not undo that choice).
 */
export async function confirmSubscription(db: Database, config: Config, token: string, now: Date): Promise<LinkedSubscriber | null> {
  const subscriber = await findLinkedSubscriber(db, config, token, 'confirm');
  if (!subscriber) return null;
  const at = now.toISOString();
  await db
    .update(subscribers)
    .set({ state: 'confirmed', confirmedAt: at, updatedAt: at })
    .where(and(eq(subscribers.id, subscriber.id), eq(subscribers.state, 'pending')));
  return subscriber;
}

/** Unsubscribes at once (RFC 8058 asks for no further step) and drops their emails that have not gone out. */
export async function unsubscribe(db: Database, config: Config, token: string, now: Date): Promise<LinkedSubscriber | null> {
  const subscriber = await findLinkedSubscriber(db, config, token, 'unsubscribe');
  if (!subscriber) return null;
  const at = now.toISOString();
  await db.transaction(async (tx) => {
    await tx
      .update(subscribers)
      .set({ state: 'unsubscribed', unsubscribedAt: at, updatedAt: at })
      .where(and(eq(subscribers.id, subscriber.id), inArray(subscribers.state, ['pending', 'confirmed'])));
    await tx
      .update(deliveries)
      .set({ state: 'superseded', lastError: 'Unsubscribed before it was sent.', updatedAt: at })
      .where(and(eq(deliveries.channel, 'subscriber_email'), eq(deliveries.recipient, subscriber.id), eq(deliveries.state, 'pending')));
  });
  return subscriber;
}
