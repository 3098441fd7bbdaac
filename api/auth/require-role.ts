import type { Context, MiddlewareHandler } from 'hono';
import type { TokenRole } from '../../db/schema/index';
import { ProblemError } from '../http/problem';
import type { AppEnv } from '../http/app-env';
import { clientAddress } from '../http/client-address';
import { findTokenBySecret, touchToken } from './tokens';

export type RequireRoleOptions = { roles: readonly TokenRole[] };

/** One line per failure for the operators (time, address, reason): never the token itself. */
function refuse(c: Context<AppEnv>, address: string, at: Date, reason: string, detail: string, challenge: string): ProblemError {
  c.get('authThrottle').recordFailure(address, at);
  console.warn(`${at.toISOString()} failed authentication from ${address}: ${reason}`);
  c.header('WWW-Authenticate', challenge);
  return new ProblemError(401, 'Unauthorized', detail);
}

/**
 * Bearer-token authentication that fails closed: no token is 401, an unknown or revoked token is
 * 401, a valid token without one of `roles` is 403. Nothing depends on NODE_ENV. An address with
 * too many failed attempts is answered 429 until its window closes, whatever token it sends.
 */
export function requireRole(options: RequireRoleOptions): MiddlewareHandler<AppEnv> {
  return async function requireRole(c, next) {
    const { db, now } = c.get('deps');
    const at = now();
    const address = clientAddress(c);
    const retryAfter = c.get('authThrottle').retryAfterSeconds(address, at);
    if (retryAfter !== null) {
      c.header('Retry-After', String(retryAfter));
      throw new ProblemError(429, 'Too Many Requests', `Too many failed authentication attempts from your address; try again in ${retryAfter} seconds.`);
    }
    const header = c.req.header('Authorization');
    if (!header) {
      c.header('WWW-Authenticate', 'Bearer realm="hali"');
      throw new ProblemError(401, 'Unauthorized', 'Send an API token as "Authorization: Bearer <token>".');
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw refuse(c, address, at, 'Authorization is not "Bearer <token>"', 'Send an API token as "Authorization: Bearer <token>".', 'Bearer realm="hali"');
    }
    const token = await findTokenBySecret(db, match[1]);
    if (!token) {
      throw refuse(c, address, at, 'unknown or revoked token', 'This API token is unknown or has been revoked.', 'Bearer realm="hali", error="invalid_token"');
    }
    if (!options.roles.includes(token.role)) {
      throw new ProblemError(403, 'Forbidden', `This action needs the role ${options.roles.join(' or ')}; your token is a ${token.role}.`);
    }
    c.set('token', { id: token.id, name: token.name, role: token.role, userId: token.userId });
    await touchToken(db, token, at);
    await next();
  };
}
