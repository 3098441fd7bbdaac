import { timingSafeEqual } from 'node:crypto';

/** The hidden field every console form carries; compared with the session's token. */
export const formTokenField = '_csrf';

export function formTokenMatches(sent: unknown, expected: string): boolean {
  if (typeof sent !== 'string' || sent.length !== expected.length) return false;
  return timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
}
