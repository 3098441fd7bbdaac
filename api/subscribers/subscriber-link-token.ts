import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * The token in a subscriber's confirm and unsubscribe links: the subscriber id and an
 * HMAC-SHA256 tag over it under a key derived from the link-signing secret *and the purpose*, so
 * a confirm token never unsubscribes and an unsubscribe token never confirms (webhooks have their own). The id is random
 * and reveals nothing; the tag stops anyone from making a link for another subscriber.
 */
export type SubscriberLinkPurpose = 'confirm' | 'unsubscribe' | 'webhook_unsubscribe';

const tagBytes = 16;

// Only for callers that never resolved the link key (scripts/start.ts and the worker always do,
// through withCalendarSigningSecret); such links open only while this process runs.
const processSecret = randomBytes(32).toString('hex');

function keyFor(purpose: SubscriberLinkPurpose, secret: string | undefined): Buffer {
  return createHash('sha256').update(`hali-subscriber-link:${purpose}:${secret ?? processSecret}`).digest();
}

function tagOf(purpose: SubscriberLinkPurpose, subscriberId: string, secret: string | undefined): Buffer {
  return createHmac('sha256', keyFor(purpose, secret)).update(`${purpose}:${subscriberId}`).digest().subarray(0, tagBytes);
}

export function createSubscriberLinkToken(purpose: SubscriberLinkPurpose, subscriberId: string, secret: string | undefined): string {
  return `${subscriberId}.${tagOf(purpose, subscriberId, secret).toString('base64url')}`;
}

/** The subscriber id a token names for this purpose, or null when it is malformed, forged or for the other purpose. */
export function readSubscriberLinkToken(token: string, purpose: SubscriberLinkPurpose, secret: string | undefined): string | null {
  const match = /^([A-Za-z0-9_-]{4,64})\.([A-Za-z0-9_-]{22})$/.exec(token);
  if (!match) return null;
  const given = Buffer.from(match[2], 'base64url');
  const expected = tagOf(purpose, match[1], secret);
  return given.length === expected.length && timingSafeEqual(given, expected) ? match[1] : null;
}
