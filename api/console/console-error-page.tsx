import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { DomainError } from '../domain-errors';
import { domainErrorStatus } from '../http/domain-error-status';
import { storageProblem } from '../http/storage-problem';
import { loggableErrorWithStack } from '../logging/loggable-error';
import type { ConsoleEnv } from './console-env';
import { ConsolePage } from './console-layout';
import { renderPage } from './render-page';

const headings: Partial<Record<number, string>> = { 400: 'That did not work', 403: 'Not allowed', 404: 'Not found', 409: 'Not possible now', 428: 'Review it first' };

/**
 * What a console page answers when a handler lets a refusal or a fault through: an HTML page in
 * the console's frame with the domain's own words (or a plain apology and no stack for a fault),
 * never the API's problem+json.
 */
export function consoleErrorPage(error: Error, c: Context<ConsoleEnv>): Response | Promise<Response> {
  let status: ContentfulStatusCode = 500;
  let message = 'Something went wrong on our side; nothing was half-written. Try again, and tell the operators if it persists.';
  if (error instanceof DomainError) {
    status = domainErrorStatus[error.kind].status;
    message = error.detail;
  } else {
    const storage = storageProblem(error);
    if (storage) {
      status = storage.status as ContentfulStatusCode;
      message = storage.detail ?? message;
    }
    console.error(`Console error on ${c.req.method} ${c.req.path}: ${loggableErrorWithStack(error)}`);
  }
  const staff = c.get('staff');
  return renderPage(
    c,
    <ConsolePage title={headings[status] ?? 'Something went wrong'} staff={staff}>
      <p>{message}</p>
      <p>
        <a href="/console">Back to the dashboard</a>
      </p>
    </ConsolePage>,
    status,
  );
}
