import type { Context } from 'hono';
import type { AppEnv } from './app-env';

/** Requests without a socket (app.request() in tests) share this key. */
export const unknownClientAddress = 'unknown';

/**
 * The connecting socket's address. Forwarded-for headers are not trusted: anyone can write them,
 * and a throttle keyed on them could be dodged or turned against someone else.
 */
export function clientAddress(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket?.remoteAddress ?? unknownClientAddress;
}
