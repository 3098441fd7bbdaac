import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findTokenBySecret } from '../../api/auth/tokens';
import { loadConfig } from '../../api/config';
import { verifySignIn } from '../../api/staff/verify-sign-in';
import { migrateDatabase, openDatabase, type DatabaseConnection } from '../../db/client';
import { apiTokens, components, incidents } from '../../db/schema/index';
import { isDatabaseEmpty } from '../../scripts/demo/demo';
import { prepareDatabase } from '../../scripts/start/prepare-database';

/** What `npm start` does to the database before it serves, with what it printed. */
async function startOnce(connection: DatabaseConnection, env: Record<string, string>) {
  const printed: string[] = [];
  const errors: string[] = [];
  const config = loadConfig({ DATABASE_URL: 'file:unused.db', ...env });
  await prepareDatabase(connection.db, config, { now: new Date('2026-11-25T08:00:00Z'), print: (text) => printed.push(text), printError: (line) => errors.push(line) });
  return { printed: printed.join('\n'), errors };
}

const printedSecrets = (printed: string) => printed.match(/hali_\S+/g) ?? [];

describe('preparing the database at start', () => {
  let dir: string;
  let connection: DatabaseConnection;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hali-first-start-'));
    connection = await openDatabase({ url: `file:${join(dir, 'hali.db')}` });
    await migrateDatabase(connection.db);
  });
  afterEach(() => {
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('without ADMIN_TOKEN prints one working admin token on the first start, and none on the next', async () => {
    const first = await startOnce(connection, { NODE_ENV: 'production' });
    const secrets = printedSecrets(first.printed);
    expect(secrets).toHaveLength(1);
    expect(await findTokenBySecret(connection.db, secrets[0] ?? '')).toMatchObject({ role: 'admin' });

    const second = await startOnce(connection, { NODE_ENV: 'production' });
    expect(printedSecrets(second.printed)).toEqual([]);
    expect(await connection.db.select().from(apiTokens)).toHaveLength(1);
  });

  it('with ADMIN_TOKEN registers it and prints no token', async () => {
    const adminToken = 'operator-chosen-admin-token-0123456789';
    const start = await startOnce(connection, { NODE_ENV: 'production', ADMIN_TOKEN: adminToken });
    expect(printedSecrets(start.printed)).toEqual([]);
    expect(start.printed).not.toContain(adminToken);
    expect(start.errors).toEqual([]);
    expect(await findTokenBySecret(connection.db, adminToken)).toMatchObject({ role: 'admin' });
    expect(await connection.db.select().from(apiTokens)).toHaveLength(1);
  });

  it('loads the demo on an empty database outside production, once', async () => {
    const first = await startOnce(connection, { NODE_ENV: 'development' });
    expect(first.printed).toContain('Loaded the demo');
    expect(await isDatabaseEmpty(connection.db)).toBe(false);
    const demoIncidents = (await connection.db.select().from(incidents)).length;

    // A drafter's and a publisher's console sign-in, printed once, that really sign in.
    const signIns = [...first.printed.matchAll(/(drafter|publisher)\s+Email (\S+)\s+Password (\S+)/g)];
    expect(signIns.map((m) => m[1])).toEqual(['drafter', 'publisher']);
    for (const [, role, email, password] of signIns) {
      const outcome = await verifySignIn(connection.db, { email, password }, new Date('2026-11-25T08:00:00Z'));
      expect(outcome.ok && outcome.user.role).toBe(role);
    }

    const second = await startOnce(connection, { NODE_ENV: 'development' });
    expect(second.printed).not.toContain('Loaded the demo');
    expect(second.printed).not.toContain('Password');
    expect(await connection.db.select().from(incidents)).toHaveLength(demoIncidents);
  }, 60_000);

  it('never loads the demo in production, even on an empty database', async () => {
    const start = await startOnce(connection, { NODE_ENV: 'production' });
    expect(start.printed).not.toContain('demo');
    expect(await isDatabaseEmpty(connection.db)).toBe(true);
  });

  it('never loads the demo over a database that holds anything', async () => {
    await connection.db.insert(components).values({ id: 'own00component', name: 'Our own component', position: 0 });
    const start = await startOnce(connection, { NODE_ENV: 'development' });
    expect(start.printed).not.toContain('demo');
    expect(await connection.db.select().from(incidents)).toEqual([]);
    expect(await connection.db.select().from(components)).toHaveLength(1);
  });
});
