import type { MiddlewareHandler } from 'hono';
import { dataContentSecurityPolicy, referrerPolicy } from '../site/serve/security-headers';

/**
 * Headers on every staff API answer: they carry names and emails, so no cache may keep them, and
 * no page may sniff or frame them. A route's own content security policy (the HTML reference's)
 * is kept and only told not to be framed.
 */
export const staffApiHeaders: MiddlewareHandler = async function staffApiHeaders(c, next) {
  await next();
  c.header('Cache-Control', 'no-store');
  c.header('X-Content-Type-Options', 'nosniff');
  c.header('Referrer-Policy', referrerPolicy);
  const policy = c.res.headers.get('Content-Security-Policy');
  if (!policy) c.header('Content-Security-Policy', dataContentSecurityPolicy);
  else if (!policy.includes('frame-ancestors')) c.header('Content-Security-Policy', `${policy}; frame-ancestors 'none'`);
};
