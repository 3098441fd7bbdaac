import { badRequest } from '../../http/problem';

/** One entity tag: "abc" (a bare abc is taken too). Weak tags never match under If-Match, so they are refused. */
function revisionFromIfMatch(header: string): string | null {
  const value = header.trim();
  // `*` matches any version, so it names none: the caller answers as if nothing was sent.
  if (value === '' || value === '*') return null;
  if (value.includes(',')) {
    throw badRequest('If-Match must name the one revision you reviewed, e.g. If-Match: "3f9a1c2b7d4e5f60".', [{ field: 'If-Match', message: 'Send one revision.' }]);
  }
  if (value.startsWith('W/')) {
    throw badRequest('If-Match needs the revision as a strong tag, e.g. If-Match: "3f9a1c2b7d4e5f60" (no W/).', [{ field: 'If-Match', message: 'Drop the W/ prefix.' }]);
  }
  return value.replace(/^"(.*)"$/, '$1');
}

/**
 * The revision the reviewer names, from `revision` in the JSON body or an If-Match header; null
 * when neither names one (the domain answers 428). Both may be sent only if they agree.
 */
export function reviewedRevision(bodyRevision: string | undefined, ifMatch: string | undefined): string | null {
  const fromHeader = ifMatch === undefined ? null : revisionFromIfMatch(ifMatch);
  const fromBody = bodyRevision ?? null;
  if (fromHeader !== null && fromBody !== null && fromHeader !== fromBody) {
    throw badRequest(`The body names revision ${fromBody} but If-Match names ${fromHeader}; send the one you reviewed, once.`, [
      { field: 'revision', message: 'Differs from If-Match.' },
    ]);
  }
  return fromBody ?? fromHeader;
}
