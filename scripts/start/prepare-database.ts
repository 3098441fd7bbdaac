import { eq } from 'drizzle-orm';
import { registerEnvironmentAdminToken } from '../../api/auth/environment-admin-token';
import { createApiToken } from '../../api/auth/tokens';
import { passwordLinkUrl } from '../../api/staff/console-links';
import { issuePasswordLink } from '../../api/staff/password-links';
import { ensureServiceAccount } from '../../api/staff/service-accounts';
import type { Config } from '../../api/config';
import type { Database } from '../../db/client';
import { apiTokens } from '../../db/schema/index';
import { isDatabaseEmpty, seedDemo } from '../demo/demo';
import { seedDemoStaff } from '../demo/demo-staff';

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
  const userId = await ensureServiceAccount(db, { key: 'admin', name: 'First admin', role: 'admin' }, output.now);
  const { secret } = await createApiToken(db, { name: 'first admin', role: 'admin', userId });
  const link = await issuePasswordLink(db, userId, output.now);
  output.print(`\nAdmin API token (shown once; keep it safe):\n  ${secret}\nAdmin console sign-in: admin@hali.invalid, after choosing a password at\n  ${passwordLinkUrl(config.publicUrl, link)}  (valid 72 hours)\n`);
}

/** The demo only where it cannot cost anything: outside production, on a database holding nothing yet. */
async function loadDemoOnEmptyDatabase(db: Database, config: Config, output: StartOutput): Promise<void> {
  if (config.nodeEnv === 'production' || !(await isDatabaseEmpty(db))) return;
  const demo = await seedDemo(db, { now: output.now });
  const staff = await seedDemoStaff(db, output.now);
  output.print(`Loaded the demo: the passport outage (incident ${demo.incidentId}), ${demo.moved} appointments given new dates.`);
  output.print(
    `Demo console sign-ins at ${config.publicUrl}/console (shown once):\n` +
      staff.map((person) => `  ${person.role.padEnd(9)}  Email ${person.email}  Password ${person.password}`).join('\n'),
  );
}

/** What `npm start` does to a migrated database before serving: make sure an admin can get in, then the demo. */
export async function prepareDatabase(db: Database, config: Config, output: StartOutput): Promise<void> {
  await ensureAdminAccess(db, config, output);
  await loadDemoOnEmptyDatabase(db, config, output);
}
