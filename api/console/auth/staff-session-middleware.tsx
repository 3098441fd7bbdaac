import type { Context, MiddlewareHandler } from 'hono';
import type { StaffRole } from '../../../db/schema/index';
import { findStaffSession, type StaffSession } from '../../staff/staff-sessions';
import type { ConsoleEnv } from '../console-env';
import { ConsolePage } from '../console-layout';
import { renderPage } from '../render-page';
import { clearSessionCookie, readSessionCookie } from '../session-cookie';

/** Finds the signed-in person, if any; a dead session's cookie is cleared. */
export const loadStaffSession: MiddlewareHandler<ConsoleEnv> = async function loadStaffSession(c, next) {
  const secret = readSessionCookie(c);
  if (secret) {
    const { db, now } = c.get('deps');
    const session = await findStaffSession(db, secret, now());
    if (session) c.set('staff', session);
    else clearSessionCookie(c);
  }
  await next();
};

const signInUrl = (path: string) => `/console/sign-in?next=${encodeURIComponent(path)}`;

/**
 * Pages for signed-in staff: without a session, to the sign-in form (coming back here after);
 * halfway through sign-in (password right, code not yet given), to the code step; with a role
 * the page does not allow, a 403 page that says which role it needs.
 */
export function requireStaff(roles?: readonly StaffRole[]): MiddlewareHandler<ConsoleEnv> {
  return async function requireStaff(c, next) {
    const staff = c.get('staff');
    if (!staff) return c.redirect(c.req.method === 'GET' ? signInUrl(c.req.path) : '/console/sign-in', 303);
    if (!staff.verified) return c.redirect('/console/sign-in/code', 303);
    if (roles && !roles.includes(staff.user.role)) {
      return renderPage(
        c,
        <ConsolePage title="Not for your role" staff={staff}>
          <p>
            This page is for {roles.join(' or ')} accounts; yours is a {staff.user.role}. Ask an administrator if you need it.
          </p>
          <p>
            <a href="/console">Back to the dashboard</a>
          </p>
        </ConsolePage>,
        403,
      );
    }
    await next();
  };
}

/** The signed-in person on a page behind requireStaff(). */
export function signedInStaff(c: Context<ConsoleEnv>): StaffSession {
  const staff = c.get('staff');
  if (!staff?.verified) throw new Error('This console page is missing its requireStaff() guard.');
  return staff;
}
