import type { MiddlewareHandler } from 'hono';
import type { TokenRole } from '../../db/schema/index';
import { ProblemError } from '../http/problem';
import type { AppEnv } from '../http/app-env';
import { findTokenBySecret, touchToken } from './tokens';

export type RequireRoleOptions = { roles: readonly TokenRole[] };

/**
 * Bearer-token authentication that fails closed: no token is 401, an unknown or revoked token is
 * 401, a valid token without one of `roles` is 403. Nothing depends on NODE_ENV.
 */
export function requireRole(options: RequireRoleOptions): MiddlewareHandler<AppEnv> {
  return async function requireRole(c, next) {
    const header = c.req.header('Authorization') ?? '';
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      c.header('WWW-Authenticate', 'Bearer realm="hali"');
      throw new ProblemError(401, 'Unauthorized', 'Send an API token as "Authorization: Bearer <token>".');
    }
    const { db, now } = c.get('deps');
    const token = await findTokenBySecret(db, match[1]);
    if (!token) {
      c.header('WWW-Authenticate', 'Bearer realm="hali", error="invalid_token"');
      throw new ProblemError(401, 'Unauthorized', 'This API token is unknown or has been revoked.');
    }
    if (!options.roles.includes(token.role)) {
      throw new ProblemError(403, 'Forbidden', `This action needs the role ${options.roles.join(' or ')}; your token is a ${token.role}.`);
    }
    c.set('token', { id: token.id, name: token.name, role: token.role });
    await touchToken(db, token, now());
    await next();
  };
}

export const anyStaff = requireRole({ roles: ['drafter', 'publisher', 'admin'] });
export const publishers = requireRole({ roles: ['publisher', 'admin'] });
export const admins = requireRole({ roles: ['admin'] });
