import { createLinkToken, readLinkToken, type LinkTokenSubject } from './sealed-link-token';

/** The token in an applicant's "add to calendar" link (sealed-link-token.ts; its own purpose key). */
export type CalendarTokenSubject = LinkTokenSubject;

export function createCalendarToken(subject: CalendarTokenSubject, secret: string | undefined): string {
  return createLinkToken('hali-calendar-token', subject, secret);
}

/** The subject of a token, or null when it is malformed, forged or made under another secret. */
export function readCalendarToken(token: string, secret: string | undefined): CalendarTokenSubject | null {
  return readLinkToken('hali-calendar-token', token, secret);
}
