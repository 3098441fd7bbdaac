import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * `X-Hali-Signature: t=<unix seconds>,v1=<hex>`: HMAC-SHA256 under the webhook's secret over
 * `<t>.<raw body>`. Signing the time with the body lets a receiver refuse replays of an old
 * request (compare t with its clock); hex of the full digest, like Stripe's scheme.
 */
export const webhookSignatureHeader = 'X-Hali-Signature';

export function signWebhookBody(secret: string, unixSeconds: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex');
  return `t=${unixSeconds},v1=${digest}`;
}

/** What a receiver does (and the README shows): recompute and compare in constant time. */
export function verifyWebhookSignature(secret: string, header: string, body: string): boolean {
  const match = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(header);
  if (!match) return false;
  const expected = Buffer.from(signWebhookBody(secret, Number(match[1]), body).split('v1=')[1], 'hex');
  return timingSafeEqual(expected, Buffer.from(match[2], 'hex'));
}
