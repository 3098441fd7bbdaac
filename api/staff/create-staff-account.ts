import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { users, type StaffRole, type UserRow } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../auth/actor';
import { badRequest, conflict, type FieldError } from '../domain-errors';
import { newId } from '../ids';
import { hashPassword } from './password-hash';
import { issuePasswordLink } from './password-links';
import { passwordProblem } from './password-rules';
import { normaliseStaffEmail, staffEmailPattern } from './staff-email';

export type NewStaffAccount = { name: string; email: string; role: StaffRole; password?: string | null };

/** An account without its secrets, as admins and the account's owner see it. */
export type StaffAccount = Omit<UserRow, 'passwordHash' | 'totpSecret' | 'totpLastStep'> & { hasPassword: boolean };

export function staffAccountView(row: UserRow): StaffAccount {
  const { passwordHash, totpSecret: _secret, totpLastStep: _step, ...rest } = row;
  return { ...rest, hasPassword: passwordHash !== null };
}

/**
 * Creates a person's account. With a password it can sign in at once; without one it answers a
 * one-time link (valid `linkHours`) through which the person chooses their own, so no admin
 * ever knows a colleague's password.
 */
export async function createStaffAccount(
  db: DatabaseOrTransaction,
  input: NewStaffAccount,
  context: ActionContext,
  options: { linkHours?: number } = {},
): Promise<{ account: StaffAccount; passwordLinkToken: string | null }> {
  const name = input.name.trim();
  const email = normaliseStaffEmail(input.email);
  const errors: FieldError[] = [];
  if (name === '') errors.push({ field: 'name', message: 'Give the person’s name as colleagues know it.' });
  if (!staffEmailPattern.test(email)) errors.push({ field: 'email', message: 'Give a work email address, like name@immigration.go.ke.' });
  const weak = input.password ? passwordProblem(input.password, { email, name }) : null;
  if (weak) errors.push({ field: 'password', message: weak });
  if (errors.length > 0) throw badRequest('The account could not be created: ' + errors.map((e) => e.message).join(' '), errors);

  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) throw conflict(`An account with the email ${email} already exists.`);

  const at = context.now.toISOString();
  const [row] = await db
    .insert(users)
    .values({
      id: newId(),
      name,
      email,
      role: input.role,
      passwordHash: input.password ? await hashPassword(input.password) : null,
      createdAt: at,
      updatedAt: at,
    })
    .returning();
  const passwordLinkToken = input.password ? null : await issuePasswordLink(db, row.id, context.now, options.linkHours);
  await recordAudit(db, { actor: context.actor, action: 'user.create', targetType: 'user', targetId: row.id, detail: { role: input.role } });
  return { account: staffAccountView(row), passwordLinkToken };
}
