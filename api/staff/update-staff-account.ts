import { and, eq, isNull, ne } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { apiTokens, users, type StaffRole } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { conflict } from '../domain-errors';
import { staffAccountView, type StaffAccount } from './create-staff-account';
import { loadStaffAccountRow } from './staff-accounts';
import { endAllStaffSessions } from './staff-sessions';
import { mayHoldTokenRole } from './token-roles';

export type StaffAccountChanges = { role?: StaffRole; disabled?: boolean };

/**
 * Changes an account's role or disables/enables it. Disabling ends every session at once (its
 * tokens stop by themselves: token sign-in joins the account's disabled_at). A lower role revokes
 * the account's tokens above it, so a token never acts above its person. The last active admin
 * cannot be disabled or demoted: nobody could then manage accounts again.
 */
export async function updateStaffAccount(db: Database, userId: string, changes: StaffAccountChanges, context: ActionContext): Promise<StaffAccount> {
  return db.transaction(async (tx) => {
    const current = await loadStaffAccountRow(tx, userId);
    const role = changes.role ?? current.role;
    const disabled = changes.disabled ?? current.disabledAt !== null;
    const losesAdmin = current.role === 'admin' && current.disabledAt === null && (role !== 'admin' || disabled);
    if (losesAdmin) {
      const otherAdmins = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.role, 'admin'), isNull(users.disabledAt), ne(users.id, userId)));
      if (otherAdmins.length === 0) {
        throw conflict(`${current.name} is the last active admin; make another account an admin before ${disabled ? 'disabling' : 'changing the role of'} this one.`);
      }
    }
    const at = context.now.toISOString();
    const disabledAt = disabled ? (current.disabledAt ?? at) : null;
    const [row] = await tx.update(users).set({ role, disabledAt, updatedAt: at }).where(eq(users.id, userId)).returning();

    let revokedTokens = 0;
    if (role !== current.role) {
      const live = await tx.select().from(apiTokens).where(and(eq(apiTokens.userId, userId), isNull(apiTokens.revokedAt)));
      const above = live.filter((token) => !mayHoldTokenRole(role, token.role));
      for (const token of above) await tx.update(apiTokens).set({ revokedAt: at }).where(eq(apiTokens.id, token.id));
      revokedTokens = above.length;
      await recordAudit(tx, { actor: context.actor, action: 'user.role', targetType: 'user', targetId: userId, detail: { from: current.role, to: role, revoked_tokens: revokedTokens } });
    }
    if (disabled && current.disabledAt === null) {
      const endedSessions = await endAllStaffSessions(tx, userId);
      await recordAudit(tx, { actor: context.actor, action: 'user.disable', targetType: 'user', targetId: userId, detail: { ended_sessions: endedSessions } });
    }
    if (!disabled && current.disabledAt !== null) {
      await recordAudit(tx, { actor: context.actor, action: 'user.enable', targetType: 'user', targetId: userId });
    }
    return staffAccountView(row);
  });
}
