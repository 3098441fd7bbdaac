import { eq } from 'drizzle-orm';
import { registerEnvironmentAdminToken } from '../../api/auth/environment-admin-token';
import { createApiToken } from '../../api/auth/tokens';
import type { Config } from '../../api/config';
import type { Database } from '../../db/client';
import { apiTokens } from '../../db/schema/index';
import { isDatabaseEmpty, seedDemo } from '../demo/demo';

export type StartOutput = {
  now: Date;
  /** Operator-facing text on stdout (the first admin token, the demo). */
  print: (text: string) => void;
  /** One-line problems on stderr (a refused ADMIN_TOKEN). */
  printError: (line: string) => void;
};

/**
 * ADMIN_TOKEN when set (a refused or failed one is a line on stderr, and the server still starts);
 * otherwise, on a database without any admin yet, a new token printed once.
 */
async function ensureAdminAccess(db: Database, config: Config, output: StartOutput): Promise<void> {
  if (config.adminToken) {
    await registerEnvironmentAdminToken(db, config.adminToken, { log: output.printError });
    return;
  }
  const admins = await db.select({ id: apiTokens.id }).from(apiTokens).where(eq(apiTokens.role, 'admin')).limit(1);
  if (admins.length > 0) return;
  const { secret } = await createApiToken(db, { name: 'first admin', role: 'admin' });
  output.print(`\nAdmin API token (shown once; keep it safe):\n  ${secret}\n`);
}

/** The demo only where it cannot cost anything: outside production, on a database holding nothing yet. */
async function loadDemoOnEmptyDatabase(db: Database, config: Config, output: StartOutput): Promise<void> {
  if (config.nodeEnv === 'production' || !(await isDatabaseEmpty(db))) return;
  const demo = await seedDemo(db, { now: output.now });
  output.print(`Loaded the demo: the passport outage (incident ${demo.incidentId}), ${demo.moved} appointments given new dates.`);
}

/** What `npm start` does to a migrated database before serving: make sure an admin can get in, then the demo. */
export async function prepareDatabase(db: Database, config: Config, output: StartOutput): Promise<void> {
  await ensureAdminAccess(db, config, output);
  await loadDemoOnEmptyDatabase(db, config, output);
}
