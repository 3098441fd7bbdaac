import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../../http/app-env';
import { clientAddress } from '../../http/client-address';
import { ProblemError, problemResponse } from '../../http/problem';
import { createRequestThrottle, type RequestThrottle } from '../../subscribers/request-throttle';

/** A subscribe form or a webhook registration is a few hundred bytes; nothing anonymous needs more. */
export const publicFormMaxBytes = 8_192;

export const smallBody = bodyLimit({
  maxSize: publicFormMaxBytes,
  onError: (c) => problemResponse(c, { title: 'Content Too Large', status: 413, detail: `Send at most ${publicFormMaxBytes.toLocaleString('en')} bytes.` }),
});

/**
 * The limits of the anonymous endpoints, made once per app. Per address as well as per IP, so
 * one mailbox cannot be flooded with confirmation emails from many IPs; an address is kept only
 * as a hash, and every map is bounded (request-throttle.ts).
 */
export type PublicThrottles = { subscribePerIp: RequestThrottle; subscribePerAddress: RequestThrottle; webhookPerIp: RequestThrottle; linksPerIp: RequestThrottle };

export function createPublicThrottles(): PublicThrottles {
  return {
    subscribePerIp: createRequestThrottle({ limit: 10, windowMs: 10 * 60_000 }),
    subscribePerAddress: createRequestThrottle({ limit: 3, windowMs: 60 * 60_000 }),
    webhookPerIp: createRequestThrottle({ limit: 5, windowMs: 60 * 60_000 }),
    // Generous: mail providers send many subscribers' one-click unsubscribes from few addresses.
    linksPerIp: createRequestThrottle({ limit: 300, windowMs: 60_000 }),
  };
}

export const addressKey = (email: string) => createHash('sha256').update(email).digest('base64url');

/** Throws a 429 with Retry-After when the key has used its allowance. */
export function takeOrRefuse(c: Context<AppEnv>, throttle: RequestThrottle, key: string = clientAddress(c)): void {
  const wait = throttle.take(key, c.get('deps').now());
  if (wait === null) return;
  c.header('Retry-After', String(wait));
  throw new ProblemError(429, 'Too Many Requests', `Too many requests; try again in ${wait} seconds.`);
}
