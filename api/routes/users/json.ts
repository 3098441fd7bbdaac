import type { z } from '@hono/zod-openapi';
import type { StaffAccount } from '../../staff/create-staff-account';
import type { UserSchema } from './schema';

/** An account on the wire: never its password hash or two-factor secret. */
export function userJson(account: StaffAccount): z.infer<typeof UserSchema> {
  return {
    id: account.id,
    name: account.name,
    email: account.email,
    role: account.role,
    has_password: account.hasPassword,
    two_factor: account.totpEnabledAt !== null,
    disabled_at: account.disabledAt,
    created_at: account.createdAt,
  };
}
