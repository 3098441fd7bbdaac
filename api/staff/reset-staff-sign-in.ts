import { eq } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { users } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { conflict } from '../domain-errors';
import { staffAccountView, type StaffAccount } from './create-staff-account';
import { issuePasswordLink } from './password-links';
import { loadStaffAccountRow } from './staff-accounts';
import { endAllStaffSessions } from './staff-sessions';

/**
 * A new one-time set-password link for a forgotten password (the old password works until the
 * link is used; using it ends every session). Returns the link's secret, to be shown once.
 */
export async function issueStaffPasswordReset(db: Database, userId: string, context: ActionContext, options: { linkHours?: number } = {}): Promise<string> {
  return db.transaction(async (tx) => {
    const account = await loadStaffAccountRow(tx, userId);
    if (account.disabledAt) throw conflict(`${account.name}’s account is disabled; enable it before sending a set-password link.`);
    const token = await issuePasswordLink(tx, userId, context.now, options.linkHours);
    await recordAudit(tx, { actor: context.actor, action: 'user.password_link', targetType: 'user', targetId: userId });
    return token;
  });
}

/**
 * Turns two-factor sign-in off for a person who lost their authenticator: the secret is
 * forgotten, and every session ends, since a lost phone may be in someone else's hands. They
 * enrol again at their next sign-in (required for publishers and admins in production).
 */
export async function resetStaffTwoFactor(db: Database, userId: string, context: ActionContext): Promise<StaffAccount> {
  return db.transaction(async (tx) => {
    const account = await loadStaffAccountRow(tx, userId);
    const [row] = await tx
      .update(users)
      .set({ totpSecret: null, totpEnabledAt: null, totpLastStep: null, updatedAt: context.now.toISOString() })
      .where(eq(users.id, userId))
      .returning();
    const endedSessions = await endAllStaffSessions(tx, userId);
    await recordAudit(tx, {
      actor: context.actor,
      action: 'user.two_factor_reset',
      targetType: 'user',
      targetId: userId,
      detail: { was_on: account.totpEnabledAt !== null, ended_sessions: endedSessions },
    });
    return staffAccountView(row);
  });
}
