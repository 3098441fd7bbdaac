import { and, count, desc, eq, inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../db/client';
import { deliveries, deliveryChannels, deliveryStates, type DeliveryChannel, type DeliveryRow, type DeliveryState } from '../../../db/schema/index';

export type ChannelProgress = Record<DeliveryState, number> & { total: number };

export type IncidentDeliveryProgress = {
  channels: Record<DeliveryChannel, ChannelProgress>;
  /** Nothing pending or sending on any channel: every message has its final outcome. */
  settled: boolean;
  /** The most recent failed or dead messages, with the provider's words. */
  failures: DeliveryRow[];
};

export const shownFailures = 50;

const emptyProgress = (): ChannelProgress => ({ ...(Object.fromEntries(deliveryStates.map((state) => [state, 0])) as Record<DeliveryState, number>), total: 0 });

/**
 * How far an incident's messages have gone, per channel and state, in one grouped query (a
 * 100,000-email fan-out is counted by SQLite, not read row by row), plus the latest failures.
 */
export async function incidentDeliveryProgress(db: DatabaseOrTransaction, incidentId: string): Promise<IncidentDeliveryProgress> {
  const grouped = await db
    .select({ channel: deliveries.channel, state: deliveries.state, count: count() })
    .from(deliveries)
    .where(eq(deliveries.incidentId, incidentId))
    .groupBy(deliveries.channel, deliveries.state);
  const channels = Object.fromEntries(deliveryChannels.map((channel) => [channel, emptyProgress()])) as Record<DeliveryChannel, ChannelProgress>;
  for (const row of grouped) {
    channels[row.channel][row.state] = row.count;
    channels[row.channel].total += row.count;
  }
  const failures = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.incidentId, incidentId), inArray(deliveries.state, ['failed', 'dead'])))
    .orderBy(desc(deliveries.updatedAt))
    .limit(shownFailures);
  const settled = Object.values(channels).every((channel) => channel.pending === 0 && channel.sending === 0);
  return { channels, settled, failures };
}
