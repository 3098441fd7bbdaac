import type { UserRow } from '../../../db/schema/index';

/**
 * After a right password: the code step when the person has two-factor on; in production, the
 * enrolment step for publishers and admins who have not (they can post to X and email every
 * applicant, so one stolen password must not be enough); otherwise none.
 */
export function secondFactorStep(user: Pick<UserRow, 'role' | 'totpEnabledAt'>, nodeEnv: string): string | null {
  if (user.totpEnabledAt) return '/console/sign-in/code';
  if (nodeEnv === 'production' && (user.role === 'publisher' || user.role === 'admin')) return '/console/sign-in/set-up-code';
  return null;
}
