import type { StaffRole } from '../../db/schema/index';

/**
 * Which token roles an account may hold: never more than the person's own role, and the booking
 * system's integration account only its read-only role (so an integration secret cannot write).
 */
const grantable: Record<StaffRole, readonly StaffRole[]> = {
  admin: ['drafter', 'publisher', 'admin', 'integration'],
  publisher: ['drafter', 'publisher'],
  drafter: ['drafter'],
  integration: ['integration'],
};

export const mayHoldTokenRole = (accountRole: StaffRole, tokenRole: StaffRole) => grantable[accountRole].includes(tokenRole);
