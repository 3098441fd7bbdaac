import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** RFC 9457 problem details: what went wrong, in words a person can act on. */
export type ProblemDetails = {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** For validation errors: one entry per bad field. */
  errors?: { field: string; message: string }[];
  [extension: string]: unknown;
};

/**
 * Thrown by HTTP-only code (middleware, routes) for answers that exist only on the wire (401,
 * 413, 422, 429…); domain code throws DomainError instead. The app's error handler turns both
 * into problem+json.
 */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly title: string,
    readonly detail?: string,
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? title);
    this.name = 'ProblemError';
  }
}

export const badRequest = (detail: string, errors?: ProblemDetails['errors']) =>
  new ProblemError(400, 'Bad Request', detail, errors ? { errors } : {});

export function problemResponse(c: Context, problem: ProblemDetails): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}
