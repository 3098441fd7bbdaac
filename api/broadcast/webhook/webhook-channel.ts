import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { guardedLookup } from '../../subscribers/webhooks/webhook-address-guard';

export type WebhookResponse = { kind: 'answered'; status: number; body: string } | { kind: 'unreachable'; message: string };

/** Statuspage's rule: a 2xx within 30 s counts as delivered; anything else (3xx included) failed. */
export const webhookTimeoutMs = 30_000;
/** Only the start of an answer is read: enough for a challenge echo, never a large download. */
const maxAnswerBytes = 4_096;

export type WebhookChannel = { post(url: string, body: string, headers: Record<string, string>): Promise<WebhookResponse> };

/**
 * POSTs with node:http(s) rather than fetch so the connection goes through guardedLookup: the
 * address actually connected to is checked against the private ranges, every time. Redirects are
 * not followed (a 3xx is a failure, as in Statuspage).
 */
export function createWebhookChannel(options: { allowPrivateAddresses: boolean }): WebhookChannel {
  const lookup = guardedLookup(options.allowPrivateAddresses);
  return {
    post(url, body, headers) {
      return new Promise((resolve) => {
        const target = new URL(url);
        const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
        const request = send(
          target,
          {
            method: 'POST',
            lookup,
            headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'User-Agent': 'Hali-Webhooks/1' },
            signal: AbortSignal.timeout(webhookTimeoutMs),
          },
          (response) => {
            const chunks: Buffer[] = [];
            let seen = 0;
            response.on('data', (chunk: Buffer) => {
              if (seen < maxAnswerBytes) chunks.push(chunk);
              seen += chunk.length;
            });
            response.on('end', () => resolve({ kind: 'answered', status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8').slice(0, maxAnswerBytes) }));
            response.on('error', (error) => resolve({ kind: 'unreachable', message: error.message }));
          },
        );
        request.on('error', (error) => resolve({ kind: 'unreachable', message: error.name === 'AbortError' ? `no answer within ${webhookTimeoutMs / 1000} s` : error.message }));
        request.end(body);
      });
    },
  };
}
