import { and, asc, count, eq, sql, type SQL } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../db/client';
import { deliveries, deliveryMessages, deliveryStates, incidents, type DeliveryChannel, type DeliveryRow, type DeliveryState } from '../../../db/schema/index';
import { notFound } from '../../domain-errors';
import type { XDeliveryPayload } from '../x/x-delivery-payload';

export type DeliveryFilter = { incidentId?: string; state?: DeliveryState; channel?: DeliveryChannel; limit: number; offset: number };

export type DeliveryListing = {
  /** Per state, for the incident/channel filter (ignoring the state filter), so a page shows the whole picture. */
  counts: Record<DeliveryState, number>;
  total: number;
  items: DeliveryRow[];
};

/** The ledger, oldest first: what was sent, what waits, what failed and why. */
export async function listDeliveries(db: DatabaseOrTransaction, filter: DeliveryFilter): Promise<DeliveryListing> {
  const scope: SQL[] = [];
  if (filter.incidentId) scope.push(eq(deliveries.incidentId, filter.incidentId));
  if (filter.channel) scope.push(eq(deliveries.channel, filter.channel));
  const scoped = scope.length ? and(...scope) : undefined;
  const byState = await db.select({ state: deliveries.state, count: count() }).from(deliveries).where(scoped).groupBy(deliveries.state);
  const counts = Object.fromEntries(deliveryStates.map((state) => [state, 0])) as Record<DeliveryState, number>;
  for (const row of byState) counts[row.state] = row.count;
  const where = filter.state ? and(scoped, eq(deliveries.state, filter.state)) : scoped;
  const total = filter.state ? counts[filter.state] : Object.values(counts).reduce((sum, n) => sum + n, 0);
  const rows = await db
    .select({ delivery: deliveries, message: deliveryMessages.message })
    .from(deliveries)
    .leftJoin(deliveryMessages, eq(deliveryMessages.deliveryId, deliveries.id))
    .where(where)
    .orderBy(asc(deliveries.createdAt), asc(deliveries.id))
    .limit(filter.limit)
    .offset(filter.offset);
  // An email's payload on the ledger is the message its batch sends, once the batch is formed.
  const items = rows.map(({ delivery, message }) => (message ? { ...delivery, payload: message } : delivery));
  return { counts, total, items };
}

export type XThreadEntry = {
  deliveryId: string;
  updateId: string | null;
  state: DeliveryState;
  sequence: number;
  text: string | null;
  weightedLength: number | null;
  postId: string | null;
  /** The post this one answers (a would-be id in a dry run); null starts a thread. */
  inReplyTo: string | null;
  repliesToDeliveryId: string | null;
};

/** An incident's X posts in thread order, with who replies to whom (dry-run or real). */
export async function readXThread(db: DatabaseOrTransaction, incidentId: string): Promise<XThreadEntry[]> {
  const rows = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.incidentId, incidentId), eq(deliveries.channel, 'x')))
    .orderBy(sql`json_extract(${deliveries.payload}, '$.sequence')`);
  return rows.map((row) => {
    const payload = (row.payload ?? {}) as Partial<XDeliveryPayload>;
    return {
      deliveryId: row.id,
      updateId: row.updateId,
      state: row.state,
      sequence: payload.sequence ?? 0,
      text: payload.text ?? null,
      weightedLength: payload.weightedLength ?? null,
      postId: row.providerId,
      inReplyTo: payload.inReplyTo ?? null,
      repliesToDeliveryId: payload.replyToDeliveryId ?? null,
    };
  });
}

/** One incident's ledger page and its X thread; 404 for an unknown incident. */
export async function listIncidentDeliveries(
  db: DatabaseOrTransaction,
  incidentId: string,
  filter: Omit<DeliveryFilter, 'incidentId'>,
): Promise<DeliveryListing & { xThread: XThreadEntry[] }> {
  const [incident] = await db.select({ id: incidents.id }).from(incidents).where(eq(incidents.id, incidentId));
  if (!incident) throw notFound('incident', incidentId);
  const listing = await listDeliveries(db, { ...filter, incidentId });
  return { ...listing, xThread: await readXThread(db, incidentId) };
}
