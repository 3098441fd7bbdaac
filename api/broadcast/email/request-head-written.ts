import { subscribe } from 'node:diagnostics_channel';

/**
 * When Node's fetch (undici, which the resend SDK uses) wrote a request's head to the socket: the
 * moment the request really left, which the rate limiter needs (channel-rate-limiter.ts). undici
 * publishes it on a diagnostics channel; requests are told apart by their Idempotency-Key, which
 * every batch request carries. Only requests someone is waiting for are kept, and each is dropped
 * when its send ends, so nothing here grows with the number of requests.
 */
type OnWritten = (at: number) => void;
const waiting = new Map<string, OnWritten>();
let subscribed = false;

type HeadMessage = { request?: { headers?: unknown } };

/** undici 6 and 7 give the headers as [name, value, name, value, …]; older versions as one string. */
function idempotencyKeyOf(headers: unknown): string | undefined {
  if (Array.isArray(headers)) {
    for (let i = 0; i + 1 < headers.length; i += 2) {
      if (String(headers[i]).toLowerCase() === 'idempotency-key') return String(headers[i + 1]);
    }
    return undefined;
  }
  if (typeof headers === 'string') return /^idempotency-key:\s*(.*?)\r?$/im.exec(headers)?.[1];
  return undefined;
}

function onHeadWritten(message: unknown): void {
  if (waiting.size === 0) return;
  const key = idempotencyKeyOf((message as HeadMessage).request?.headers);
  const callback = key === undefined ? undefined : waiting.get(key);
  if (!callback) return;
  waiting.delete(key!);
  callback(Date.now());
}

/**
 * Calls `onWritten` with the wall-clock time (ms) at which the head of the request carrying this
 * Idempotency-Key is written, at most once. The returned function stops waiting; call it when the
 * send is over, whether or not the request ever left.
 */
export function watchRequestHead(idempotencyKey: string, onWritten: OnWritten): () => void {
  if (!subscribed) {
    subscribe('undici:client:sendHeaders', onHeadWritten);
    subscribed = true;
  }
  waiting.set(idempotencyKey, onWritten);
  return () => {
    if (waiting.get(idempotencyKey) === onWritten) waiting.delete(idempotencyKey);
  };
}
