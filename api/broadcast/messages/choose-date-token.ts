import type { Config } from '../../config';
import { createLinkToken, readLinkToken, type LinkTokenSubject } from './sealed-link-token';

/**
 * The token in an applicant's "choose another date" link: the same sealing as the calendar link
 * under a key of its own, so neither link opens the other's page.
 */
export function createChooseDateToken(subject: LinkTokenSubject, secret: string | undefined): string {
  return createLinkToken('hali-choose-date-token', subject, secret);
}

export function readChooseDateToken(token: string, secret: string | undefined): LinkTokenSubject | null {
  return readLinkToken('hali-choose-date-token', token, secret);
}

export function chooseDateUrl(config: Config, subject: LinkTokenSubject): string {
  return `${config.publicUrl}/appointment/choose/${createChooseDateToken(subject, config.calendarSigningSecret)}`;
}
