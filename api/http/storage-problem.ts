import type { ProblemDetails } from './problem';

/** The codes of an error and of its causes (Drizzle wraps libSQL's error, which may wrap SQLite's). */
function errorCodes(error: unknown): string[] {
  const codes: string[] = [];
  for (let current = error, depth = 0; current instanceof Error && depth < 5; current = current.cause, depth++) {
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
  }
  return codes;
}

/**
 * When the database could not be written because of the machine, not the request (its disk is
 * full, or its file or disk is read-only), the problem that says so, so staff know their change
 * was not saved and why, and operators know what to fix. Null for any other error.
 */
export function storageProblem(error: unknown): ProblemDetails | null {
  const codes = errorCodes(error);
  if (codes.some((code) => code === 'SQLITE_FULL' || code === 'ENOSPC')) {
    return {
      title: 'Insufficient Storage',
      status: 507,
      detail: "The server's disk is full, so nothing was saved. Reading still works; tell the operators to free space on the disk that holds the database, then try again.",
    };
  }
  if (codes.some((code) => code.startsWith('SQLITE_READONLY') || code === 'EROFS')) {
    return {
      title: 'Service Unavailable',
      status: 503,
      detail: 'The database is read-only at the moment, so nothing was saved. Reading still works; tell the operators to make the database writable again, then try again.',
    };
  }
  return null;
}
