import { and, eq, isNull } from 'drizzle-orm';
import type { Database } from '../../db/client';
import { apiTokens } from '../../db/schema/index';
import { recordAudit } from '../audit/record-audit';
import { systemActor } from './actor';
import { ensureServiceAccount } from '../staff/service-accounts';
import { newId } from '../ids';
import { loggableError } from '../logging/loggable-error';
import { hashSecret, lookupPrefix } from './tokens';

export type EnvironmentAdminTokenOutcome = 'registered' | 'unchanged' | 'replaced' | 'refused' | 'failed';

export const revokedAdminTokenLine = 'ADMIN_TOKEN was revoked; set a new value to get admin access (the server runs without it).';

/**
 * Makes ADMIN_TOKEN an admin token at start. The same value again changes nothing; a new value
 * replaces (revokes) the one registered from the environment before; a value that was revoked
 * stays revoked. Never throws: the public site is served whatever happens to staff
 * authentication, so a problem here is one line for the operator (never the token, its hash or
 * its prefix).
 */
export async function registerEnvironmentAdminToken(
  db: Database,
  secret: string,
  options: { log?: (line: string) => void } = {},
): Promise<EnvironmentAdminTokenOutcome> {
  const log = options.log ?? ((line: string) => console.error(line));
  try {
    const outcome = await db.transaction(async (tx) => {
      const secretHash = hashSecret(secret);
      const known = await tx.select().from(apiTokens).where(eq(apiTokens.secretHash, secretHash));
      const active = known.find((row) => row.revokedAt === null);
      if (known.length > 0 && !active) return 'refused';

      const previous = await tx
        .select({ id: apiTokens.id })
        .from(apiTokens)
        .where(and(eq(apiTokens.fromEnvironment, true), isNull(apiTokens.revokedAt)));
      const replaced = previous.filter((row) => row.id !== active?.id);

      if (active) {
        // Also adopts a row from before from_environment and hash-derived prefixes existed.
        await tx.update(apiTokens).set({ fromEnvironment: true, prefix: lookupPrefix(secret) }).where(eq(apiTokens.id, active.id));
      } else {
        const id = newId();
        const userId = await ensureServiceAccount(tx, { key: 'admin-token', name: 'Operator (ADMIN_TOKEN)', role: 'admin' }, new Date());
        await tx.insert(apiTokens).values({ id, name: 'ADMIN_TOKEN', role: 'admin', userId, prefix: lookupPrefix(secret), secretHash, fromEnvironment: true });
        await recordAudit(tx, { actor: systemActor, action: 'token.create', targetType: 'api_token', targetId: id, detail: { role: 'admin', source: 'ADMIN_TOKEN' } });
      }
      const revokedAt = new Date().toISOString();
      for (const row of replaced) {
        await tx.update(apiTokens).set({ revokedAt }).where(eq(apiTokens.id, row.id));
        await recordAudit(tx, { actor: systemActor, action: 'token.revoke', targetType: 'api_token', targetId: row.id, detail: { reason: 'ADMIN_TOKEN has a new value' } });
      }
      if (replaced.length > 0) return 'replaced';
      return active ? 'unchanged' : 'registered';
    });
    if (outcome === 'refused') log(revokedAdminTokenLine);
    return outcome;
  } catch (error) {
    log(`ADMIN_TOKEN could not be registered (${loggableError(error)}); the server runs without it.`);
    return 'failed';
  }
}
