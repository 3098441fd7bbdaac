import { inArray } from 'drizzle-orm';
import type { DatabaseOrTransaction } from '../../../db/client';
import { users } from '../../../db/schema/index';

/** Staff names by account id, to say who drafted, approved or published; a script's null id reads "the system". */
export async function staffNames(db: DatabaseOrTransaction, ids: (string | null | undefined)[]): Promise<(id: string | null | undefined) => string> {
  const wanted = [...new Set(ids.filter((id): id is string => typeof id === 'string'))];
  const rows = wanted.length ? await db.select({ id: users.id, name: users.name }).from(users).where(inArray(users.id, wanted)) : [];
  const names = new Map(rows.map((row) => [row.id, row.name]));
  return (id) => (id ? (names.get(id) ?? 'a deleted account') : 'the system');
}
