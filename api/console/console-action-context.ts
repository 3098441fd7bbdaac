import type { Context } from 'hono';
import type { ActionContext } from '../auth/actor';
import { signedInStaff } from './auth/staff-session-middleware';
import type { ConsoleEnv } from './console-env';

/** Who acts and when, for domain functions called from a console page: the signed-in person, no token. */
export function consoleActionContext(c: Context<ConsoleEnv>): ActionContext {
  const staff = signedInStaff(c);
  return { now: c.get('deps').now(), actor: { userId: staff.user.id, tokenId: null, role: staff.user.role } };
}
