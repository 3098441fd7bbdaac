import { desc, sql } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { subscribers, type SubscriberRow } from '../../db/schema/index';

export type SubscriberCounts = { pending: number; confirmed: number; unsubscribed: number; byLanguage: { en: number; sw: number } };

/** Counts only, for every staff role that may see them: no address leaves this function. byLanguage counts confirmed subscribers. */
export async function countSubscribers(db: Database): Promise<SubscriberCounts> {
  const [row] = await db
    .select({
      pending: sql<number>`count(*) filter (where ${subscribers.state} = 'pending')`,
      confirmed: sql<number>`count(*) filter (where ${subscribers.state} = 'confirmed')`,
      unsubscribed: sql<number>`count(*) filter (where ${subscribers.state} = 'unsubscribed')`,
      en: sql<number>`count(*) filter (where ${subscribers.state} = 'confirmed' and ${subscribers.language} = 'en')`,
      sw: sql<number>`count(*) filter (where ${subscribers.state} = 'confirmed' and ${subscribers.language} = 'sw')`,
    })
    .from(subscribers);
  return { pending: row.pending, confirmed: row.confirmed, unsubscribed: row.unsubscribed, byLanguage: { en: row.en, sw: row.sw } };
}

/** One page of subscribers with their addresses, newest first: admins only (the route says so). */
export async function listSubscribers(db: Database, paging: { limit: number; offset: number }): Promise<{ items: SubscriberRow[]; total: number }> {
  const items = await db.select().from(subscribers).orderBy(desc(subscribers.createdAt), desc(subscribers.id)).limit(paging.limit).offset(paging.offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)` }).from(subscribers);
  return { items, total };
}
