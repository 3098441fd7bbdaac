import { DomainError } from '../../domain-errors';

export type FieldErrors = Record<string, string>;

/** A domain refusal as the console shows it: each field's message beside the field, the rest at the top. */
export function domainErrorView(error: unknown): { fields: FieldErrors; message: string } {
  if (!(error instanceof DomainError)) throw error;
  const listed = Array.isArray(error.extensions.errors) ? (error.extensions.errors as { field: string; message: string }[]) : [];
  const fields: FieldErrors = {};
  for (const { field, message } of listed) fields[field] = fields[field] ? `${fields[field]} ${message}` : message;
  const message = listed.length > 0 ? 'Nothing was saved. Correct the fields marked below.' : error.detail;
  return { fields, message };
}
