import type { Context } from 'hono';
import type { ActionContext } from '../auth/actor';
import type { AppEnv } from './app-env';

/** The one way a route learns who is acting and when: from the authenticated token and the clock. */
export function actionContext(c: Context<AppEnv>): ActionContext {
  const token = c.get('token');
  return { now: c.get('deps').now(), actor: { userId: token.userId, tokenId: token.id, role: token.role } };
}
