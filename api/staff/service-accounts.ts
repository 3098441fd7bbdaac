import { eq } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { users, type StaffRole } from '../../db/schema/index';
import { newId } from '../ids';

/**
 * Accounts that are not a person at a keyboard (the operator's ADMIN_TOKEN, the first admin
 * token of a fresh install): they own tokens but have no password until someone sets one.
 * Addresses are under .invalid (RFC 2606), so they can never receive mail or clash with a
 * colleague's.
 */
export async function ensureServiceAccount(db: DatabaseOrTransaction, input: { key: string; name: string; role: StaffRole }, now: Date): Promise<string> {
  const email = `${input.key}@hali.invalid`;
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, email));
  if (existing) return existing.id;
  const at = now.toISOString();
  const [row] = await db.insert(users).values({ id: newId(), name: input.name, email, role: input.role, createdAt: at, updatedAt: at }).returning({ id: users.id });
  return row.id;
}
