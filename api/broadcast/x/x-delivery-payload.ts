/**
 * What an X delivery row carries. Set when the update is published: its place in the incident's
 * thread. Added when the worker first claims it (and never changed after, so a retry posts exactly
 * the same text): the text, its weighted length and the post it replies to.
 */
export type XDeliveryPayload = {
  sequence: number;
  /** The delivery whose post this one replies to; null starts a thread. */
  replyToDeliveryId: string | null;
  text?: string;
  weightedLength?: number;
  /** Provider id of the post replied to (a "dry-run-…" id when X runs dry). */
  inReplyTo?: string | null;
  /** Set when a takeover found this post already on X and adopted its id instead of posting again. */
  recoveredFromTimeline?: boolean;
};

/** The id recorded for a post that was not sent because X runs dry; replies point at it. */
export function dryRunPostId(deliveryId: string): string {
  return `dry-run-${deliveryId}`;
}
