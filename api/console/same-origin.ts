import type { Context } from 'hono';
import type { AppEnv } from '../http/app-env';

/**
 * A form post must come from a console page: its Origin (or, from older browsers, its Referer)
 * must be this service's own. A missing Origin on a post is refused: every browser that can run
 * the console sends one.
 */
export function isSameOrigin(c: Context<AppEnv>): boolean {
  const source = c.req.header('Origin') ?? refererOrigin(c.req.header('Referer'));
  if (!source || source === 'null') return false;
  const allowed = new Set([new URL(c.get('deps').config.publicUrl).origin, new URL(c.req.url).origin]);
  return allowed.has(source);
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
