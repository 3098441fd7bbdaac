import type { DatabaseOrTransaction } from '../../db/client';
import { users, type StaffRole } from '../../db/schema/index';
import { createApiToken } from '../auth/tokens';
import { newId } from '../ids';
import { normaliseStaffEmail } from './staff-email';

/** An account with one API token for it, for setup scripts and benchmarks that need a caller at once. */
export async function createAccountWithToken(
  db: DatabaseOrTransaction,
  input: { name: string; email: string; role: StaffRole },
  now: Date,
): Promise<{ userId: string; secret: string }> {
  const at = now.toISOString();
  const [user] = await db
    .insert(users)
    .values({ id: newId(), name: input.name, email: normaliseStaffEmail(input.email), role: input.role, createdAt: at, updatedAt: at })
    .returning({ id: users.id });
  const { secret } = await createApiToken(db, { name: input.name, role: input.role, userId: user.id });
  return { userId: user.id, secret };
}
