import { DrizzleQueryError } from 'drizzle-orm';

/**
 * What of an error may go to a log. Drizzle puts a failed statement's parameters in the message
 * (rendered emails, CSV rows: names and addresses), so a database error is logged by its cause
 * alone, e.g. "SQLITE_BUSY: database is locked".
 */
export function loggableError(error: unknown): string {
  if (error instanceof DrizzleQueryError) return `database error: ${error.cause ? loggableError(error.cause) : 'no detail'}`;
  if (error instanceof Error) return error.message;
  return String(error);
}

/** The stack too, for errors that cannot carry personal data. */
export function loggableErrorWithStack(error: unknown): string {
  if (error instanceof DrizzleQueryError || !(error instanceof Error) || !error.stack) return loggableError(error);
  return error.stack;
}
