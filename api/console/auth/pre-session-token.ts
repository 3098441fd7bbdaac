import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import type { ConsoleEnv } from '../console-env';

/** Before anyone signs in there is no session token; the sign-in forms use this cookie's instead (double submit). */
export const preSessionCookie = 'hali_form';

export function preSessionToken(c: Context<ConsoleEnv>): string {
  const existing = getCookie(c, preSessionCookie);
  if (existing && /^[A-Za-z0-9_-]{32}$/.test(existing)) return existing;
  const token = randomBytes(24).toString('base64url');
  setCookie(c, preSessionCookie, token, { httpOnly: true, sameSite: 'Strict', secure: c.get('deps').config.publicUrl.startsWith('https://'), path: '/console' });
  return token;
}
