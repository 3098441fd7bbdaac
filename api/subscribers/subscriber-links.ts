import type { Config } from '../config';
import { createSubscriberLinkToken } from './subscriber-link-token';

/**
 * The links in a subscriber's emails, signed with the same key as applicants' calendar links
 * (CALENDAR_SIGNING_SECRET, or the one kept in the database) but under their own purpose.
 */
export function confirmSubscriptionUrl(config: Config, subscriberId: string): string {
  return `${config.publicUrl}/subscribe/confirm?token=${createSubscriberLinkToken('confirm', subscriberId, config.calendarSigningSecret)}`;
}

/** The RFC 8058 one-click target and the visible "unsubscribe" link: one https URL for both. */
export function unsubscribeUrl(config: Config, subscriberId: string): string {
  return `${config.publicUrl}/subscribe/unsubscribe?token=${createSubscriberLinkToken('unsubscribe', subscriberId, config.calendarSigningSecret)}`;
}
