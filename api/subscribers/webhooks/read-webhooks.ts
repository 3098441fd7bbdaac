import { desc, eq, sql } from 'drizzle-orm';
import type { Database } from '../../../db/client';
import { webhooks, type WebhookRow } from '../../../db/schema/index';

/** Staff see every webhook with its state, failures and the reason it was disabled (never its secret: see the route's JSON). */
export async function listWebhooks(db: Database, paging: { limit: number; offset: number }): Promise<{ items: WebhookRow[]; total: number }> {
  const items = await db.select().from(webhooks).orderBy(desc(webhooks.createdAt), desc(webhooks.id)).limit(paging.limit).offset(paging.offset);
  const [{ total }] = await db.select({ total: sql<number>`count(*)` }).from(webhooks);
  return { items, total };
}

export async function findWebhook(db: Database, id: string): Promise<WebhookRow | null> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, id));
  return row ?? null;
}
