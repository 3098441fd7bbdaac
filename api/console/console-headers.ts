import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/app-env';

/**
 * Every console answer: scripts only from our own origin (no inline script, so an injected tag
 * cannot run), never framed, no referrer beyond our origin, and never cached, since console pages
 * carry personal data and form tokens.
 */
export const consoleSecurityHeaders: MiddlewareHandler<AppEnv> = async function consoleSecurityHeaders(c, next) {
  await next();
  c.header(
    'Content-Security-Policy',
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  );
  c.header('Referrer-Policy', 'same-origin');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('X-Frame-Options', 'DENY');
  if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
};
