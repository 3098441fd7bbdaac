import { Resend } from 'resend';
import type { Config } from '../../config';
import { readProviderWait } from '../outbox/retry-delay';
import { watchRequestHead } from './request-head-written';

/** One message of a Resend batch, exactly as stored in the delivery's payload and sent. */
export type EmailMessage = {
  from: string;
  to: string;
  replyTo?: string;
  subject: string;
  html: string;
  text: string;
  /** Subscriber emails: RFC 8058 List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
  tags: { name: string; value: string }[];
};

export type EmailBatchOutcome =
  | { kind: 'sent'; ids: string[] }
  | { kind: 'retry'; message: string; waitMs?: number }
  /** The provider refused the batch's content (e.g. one bad address): nothing went out. */
  | { kind: 'invalid'; message: string }
  | { kind: 'permanent'; message: string };

export type EmailChannel = {
  /** `onLeft`, when given, is called with the time (ms) the request was written to the socket, if it was. */
  sendBatch(messages: EmailMessage[], idempotencyKey: string, onLeft?: (at: number) => void): Promise<EmailBatchOutcome>;
};

/** Resend takes at most 100 messages per batch call. */
export const maxBatchSize = 100;
const requestTimeoutMs = 30_000;

/** The real resend SDK at config.resend.baseUrl; null when there is no API key (the channel runs dry). */
export function createEmailChannel(resend: Config['resend']): EmailChannel | null {
  if (!resend.apiKey) return null;
  const client = new Resend(resend.apiKey, { baseUrl: resend.baseUrl });
  return {
    async sendBatch(messages, idempotencyKey, onLeft) {
      const stopWatching = onLeft ? watchRequestHead(idempotencyKey, onLeft) : undefined;
      const { data, error, headers } = await client.batch
        .send(messages, { idempotencyKey, signal: AbortSignal.timeout(requestTimeoutMs) })
        .finally(() => stopWatching?.());
      if (!error) {
        const ids = (data?.data ?? []).map((item) => item.id);
        if (ids.length !== messages.length) {
          return { kind: 'retry', message: `Resend answered ${ids.length} ids for ${messages.length} messages` };
        }
        return { kind: 'sent', ids };
      }
      return classifyResendError(error as { statusCode?: number | null; name?: string; message?: string }, headers);
    },
  };
}

/**
 * 429, 5xx, network failures and "the same request is still in flight" are retried with the same
 * key; a 400/422 means the content was refused (nothing was sent); anything else, including a 409
 * for a key reused with a different body, is final and needs a person.
 */
export function classifyResendError(
  error: { statusCode?: number | null; name?: string; message?: string },
  headers: Record<string, string> | null,
): EmailBatchOutcome {
  const status = error.statusCode ?? null;
  // Provider messages can quote an address; the ledger and the API must not.
  const said = (error.message ?? 'no message').replace(/[^\s@<>"'`,;:]+@[^\s@<>"'`,;:]+/g, '<address>');
  const message = `Resend answered ${status ?? 'nothing'}${error.name ? ` (${error.name})` : ''}: ${said}`;
  if (status === null || status === 429 || status >= 500) {
    return { kind: 'retry', message, waitMs: readProviderWait(headers, new Date()) };
  }
  if (status === 409 && error.name === 'concurrent_idempotent_requests') return { kind: 'retry', message, waitMs: 1000 };
  if (status === 400 || status === 422) return { kind: 'invalid', message };
  return { kind: 'permanent', message };
}
