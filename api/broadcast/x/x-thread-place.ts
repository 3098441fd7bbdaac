import { and, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../db/client';
import { closedIncidentStatuses, deliveries, incidentUpdates } from '../../../db/schema/index';
import type { XDeliveryPayload } from './x-delivery-payload';

export type XThreadPlace = {
  /** Position among the incident's X posts, counting across threads: 1 for the first. */
  sequence: number;
  /** The post the next one answers (postId: its X id, null while it is still queued); null starts a thread. */
  replyTo: { deliveryId: string; updateId: string | null; postId: string | null } | null;
};

/**
 * Where an incident's next X post goes: after its latest X post, as a reply to it, unless there
 * is none or that post's update closed the incident (the resolution ends a thread; an update
 * published after it starts a new one). Publish queues the post here and the preview shows the
 * same answer, so what staff review is what the worker posts.
 */
export async function nextXThreadPlace(db: DatabaseOrTransaction, incidentId: string): Promise<XThreadPlace> {
  const [latest] = await db
    .select({ id: deliveries.id, payload: deliveries.payload, providerId: deliveries.providerId, updateId: deliveries.updateId, status: incidentUpdates.status })
    .from(deliveries)
    .leftJoin(incidentUpdates, eq(incidentUpdates.id, deliveries.updateId))
    .where(and(eq(deliveries.incidentId, incidentId), eq(deliveries.channel, 'x')))
    .orderBy(sql`json_extract(${deliveries.payload}, '$.sequence') desc`)
    .limit(1);
  if (!latest) return { sequence: 1, replyTo: null };
  const sequence = ((latest.payload as XDeliveryPayload | null)?.sequence ?? 0) + 1;
  const threadClosed = latest.status !== null && (closedIncidentStatuses as readonly string[]).includes(latest.status);
  return { sequence, replyTo: threadClosed ? null : { deliveryId: latest.id, updateId: latest.updateId, postId: latest.providerId } };
}
