import { badRequest } from '../domain-errors';

/**
 * The changes feed's cursor: the id of the last move handed back, in an opaque wrapper so callers
 * keep it as it is rather than do arithmetic on it. Move ids only grow, and a publish writes all of
 * its moves in one transaction, so a reader never sees a later id before an earlier one commits.
 */
export function encodeChangeCursor(moveId: number): string {
  return Buffer.from(`moves:${moveId}`, 'utf8').toString('base64url');
}

/** The move id after which to read; no cursor reads from the first move. */
export function decodeChangeCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  const match = /^moves:(\d{1,15})$/.exec(/^[A-Za-z0-9_-]{1,40}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '');
  if (!match) throw badRequest('after is not a cursor this feed gave: pass the `next` of the previous answer as it is, or leave it out to start from the first change.');
  return Number(match[1]);
}
