/**
 * Why domain code refuses an action, in the domain's own words. Domain modules throw these and
 * never speak HTTP; api/http/domain-error-status.ts is the one place a kind becomes a status.
 */
export type DomainErrorKind =
  /** The input breaks a rule (a field, a date, a number); `errors` names each bad field. */
  | 'invalid'
  /** The actor's role or the four-eyes rule does not allow this action. */
  | 'forbidden'
  | 'not_found'
  /** The thing is in a state that does not allow this (already published, revoked, full day…). */
  | 'conflict'
  /** The caller must name the revision it reviewed before approving or publishing. */
  | 'revision_required';

/** One bad input field and what is wrong with it, in words a person can act on. */
export type FieldError = { field: string; message: string };

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly detail: string,
    /** Extra facts for the caller (e.g. `errors`, `current_revision`), passed on as they are. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail);
    this.name = 'DomainError';
  }
}

export const notFound = (what: string, id: string) => new DomainError('not_found', `No ${what} with id "${id}".`);
export const conflict = (detail: string, extensions?: Record<string, unknown>) => new DomainError('conflict', detail, extensions);
export const forbidden = (detail: string) => new DomainError('forbidden', detail);
export const badRequest = (detail: string, errors?: FieldError[]) => new DomainError('invalid', detail, errors ? { errors } : {});
export const revisionRequired = (detail: string) => new DomainError('revision_required', detail);
