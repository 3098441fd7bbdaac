import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { DomainError, DomainErrorKind } from '../domain-errors';
import type { ProblemDetails } from './problem';

/** The HTTP answer for each kind of domain refusal: the one place domain errors meet status codes. */
export const domainErrorStatus: Record<DomainErrorKind, { status: ContentfulStatusCode; title: string }> = {
  invalid: { status: 400, title: 'Bad Request' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not Found' },
  conflict: { status: 409, title: 'Conflict' },
  revision_required: { status: 428, title: 'Precondition Required' },
};

export function domainProblem(error: DomainError): ProblemDetails {
  const { status, title } = domainErrorStatus[error.kind];
  return { title, status, detail: error.detail, ...error.extensions };
}
