import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from '../http/app-env';
import { sessionAbsoluteMs } from '../staff/staff-sessions';

/**
 * Over https the `__Host-` prefix makes the browser refuse the cookie unless it is Secure, has no
 * Domain and covers the whole path: no subdomain or plain-http page can plant or read it.
 */
const secure = (c: Context<AppEnv>) => c.get('deps').config.publicUrl.startsWith('https://');
const name = (c: Context<AppEnv>) => (secure(c) ? '__Host-hali_session' : 'hali_session');

export function readSessionCookie(c: Context<AppEnv>): string | undefined {
  return getCookie(c, name(c));
}

export function writeSessionCookie(c: Context<AppEnv>, secret: string): void {
  setCookie(c, name(c), secret, { httpOnly: true, sameSite: 'Strict', secure: secure(c), path: '/', maxAge: sessionAbsoluteMs / 1000 });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  deleteCookie(c, name(c), { path: '/', secure: secure(c) });
}
