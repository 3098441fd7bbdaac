import type { Hono } from 'hono';
import { recordAudit } from '../../audit/record-audit';
import { endAllStaffSessions, endStaffSession } from '../../staff/staff-sessions';
import type { ConsoleEnv } from '../console-env';
import { clearSessionCookie } from '../session-cookie';

export function registerSignOutActions(app: Hono<ConsoleEnv>): void {
  app.post('/sign-out', async (c) => {
    const staff = c.get('staff');
    if (staff) await endStaffSession(c.get('deps').db, staff.id);
    clearSessionCookie(c);
    return c.redirect('/console/sign-in', 303);
  });

  /** For a lost phone or a shared computer: every session of the account, on every device, ends. */
  app.post('/sign-out-everywhere', async (c) => {
    const staff = c.get('staff');
    if (staff) {
      const { db, now } = c.get('deps');
      const ended = await endAllStaffSessions(db, staff.user.id);
      await recordAudit(db, { actor: { userId: staff.user.id, tokenId: null, role: staff.user.role }, action: 'user.sign_out_everywhere', targetType: 'user', targetId: staff.user.id, detail: { sessions: ended, at: now().toISOString() } });
    }
    clearSessionCookie(c);
    return c.redirect('/console/sign-in', 303);
  });
}
