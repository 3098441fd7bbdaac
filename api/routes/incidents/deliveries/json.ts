import type { z } from '@hono/zod-openapi';
import type { TokenRole } from '../../../../db/schema/constants';
import type { DeliveryListing, XThreadEntry } from '../../../broadcast/outbox/list-deliveries';
import { listJson, type Paging } from '../../../http/paging';
import { deliveryJson } from '../../deliveries/json';
import type { IncidentDeliveryListSchema, XThreadEntrySchema } from './schema';

export function xThreadJson(entry: XThreadEntry): z.infer<typeof XThreadEntrySchema> {
  return {
    delivery_id: entry.deliveryId,
    update_id: entry.updateId,
    state: entry.state,
    sequence: entry.sequence,
    text: entry.text,
    weighted_length: entry.weightedLength,
    post_id: entry.postId,
    in_reply_to: entry.inReplyTo,
    replies_to_delivery_id: entry.repliesToDeliveryId,
  };
}

/** One page of the incident's deliveries as `role` may see them, the counts by state and the X thread. */
export function incidentDeliveryListJson(
  listing: DeliveryListing & { xThread: XThreadEntry[] },
  paging: Paging,
  role: TokenRole,
): z.infer<typeof IncidentDeliveryListSchema> {
  return {
    ...listJson(listing.items.map((row) => deliveryJson(row, role)), listing.total, paging),
    counts: listing.counts,
    x_thread: listing.xThread.map(xThreadJson),
  };
}
