import { asc, count, desc, eq, sql } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../db/client';
import { apiTokens, users, type ApiTokenRow, type UserRow } from '../../db/schema/index';
import { notFound } from '../domain-errors';
import { staffAccountView, type StaffAccount } from './create-staff-account';

/** The account row (secrets included: for domain code only), or a 404 naming the id. */
export async function loadStaffAccountRow(db: DatabaseOrTransaction, userId: string): Promise<UserRow> {
  const [row] = await db.select().from(users).where(eq(users.id, userId));
  if (!row) throw notFound('staff account', userId);
  return row;
}

export async function loadStaffAccount(db: DatabaseOrTransaction, userId: string): Promise<StaffAccount> {
  return staffAccountView(await loadStaffAccountRow(db, userId));
}

/** One page of accounts by name, and how many there are. */
export async function listStaffAccounts(db: DatabaseOrTransaction, page: { limit: number; offset: number }): Promise<{ items: StaffAccount[]; total: number }> {
  const rows = await db.select().from(users).orderBy(asc(users.name), asc(users.id)).limit(page.limit).offset(page.offset);
  const [{ total }] = await db.select({ total: count() }).from(users);
  return { items: rows.map(staffAccountView), total };
}

/** An API token as the account's page lists it: never its hash. */
export type AccountToken = Omit<ApiTokenRow, 'secretHash'>;

/** The account's tokens, live ones first, newest first. */
export async function listAccountTokens(db: DatabaseOrTransaction, userId: string): Promise<AccountToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(sql`${apiTokens.revokedAt} IS NOT NULL`, desc(apiTokens.createdAt), desc(sql`rowid`));
  return rows.map(({ secretHash: _hash, ...token }) => token);
}
