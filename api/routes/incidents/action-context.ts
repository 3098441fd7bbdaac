import type { Context } from 'hono';
import type { AppEnv } from '../../http/app-env';
import type { ActionContext } from '../../incidents/four-eyes';

/** Who is acting and when, for the incident domain functions, from the request's token. */
export function actionContext(c: Context<AppEnv>): ActionContext {
  const token = c.get('token');
  return { now: c.get('deps').now(), actor: { tokenId: token.id, role: token.role } };
}
