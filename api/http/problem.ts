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

/** Thrown by domain code and routes; the app's error handler turns it into problem+json. */
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

export const notFound = (what: string, id: string) => new ProblemError(404, 'Not Found', `No ${what} with id "${id}".`);
export const conflict = (detail: string) => new ProblemError(409, 'Conflict', detail);
export const forbidden = (detail: string) => new ProblemError(403, 'Forbidden', detail);
export const badRequest = (detail: string, errors?: ProblemDetails['errors']) =>
  new ProblemError(400, 'Bad Request', detail, errors ? { errors } : {});

export function problemResponse(c: Context, problem: ProblemDetails): Response {
  return c.body(JSON.stringify(problem), problem.status as ContentfulStatusCode, {
    'Content-Type': 'application/problem+json; charset=utf-8',
  });
}
