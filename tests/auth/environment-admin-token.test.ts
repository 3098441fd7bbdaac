import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { eq } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/libsql/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerEnvironmentAdminToken } from '../../api/auth/environment-admin-token';
import { findTokenBySecret, hashSecret } from '../../api/auth/tokens';
import { migrateDatabase, openDatabase, type DatabaseConnection } from '../../db/client';
import { apiTokens } from '../../db/schema/index';
import { createTestContext, type TestContext } from '../support/test-context';

describe('registering ADMIN_TOKEN at start', () => {
  let t: TestContext;
  let lines: string[];
  const log = (line: string) => void lines.push(line);
  beforeEach(async () => {
    t = await createTestContext();
    lines = [];
  });
  afterEach(() => t.close());

  const status = async (token: string) => (await t.request('GET', '/api/v1/tokens', { token })).status;
  const activeEnvironmentTokens = async () =>
    (await t.db.select().from(apiTokens).where(eq(apiTokens.fromEnvironment, true))).filter((row) => row.revokedAt === null);

  /** Nothing a log line says may help anyone find or recognise a token. */
  async function expectNoTokenMaterialIn(text: string, ...secrets: string[]) {
    const rows = await t.db.select().from(apiTokens);
    for (const secret of secrets) {
      expect(text).not.toContain(secret);
      expect(text).not.toContain(hashSecret(secret));
    }
    for (const row of rows) {
      expect(text).not.toContain(row.secretHash);
      expect(text).not.toContain(row.prefix);
    }
  }

  it('registers the token once however often the server restarts with it', async () => {
    const a = 'operator-chosen-admin-token-aaaaaaaa';
    expect(await registerEnvironmentAdminToken(t.db, a, { log })).toBe('registered');
    expect(await registerEnvironmentAdminToken(t.db, a, { log })).toBe('unchanged');
    expect(await registerEnvironmentAdminToken(t.db, a, { log })).toBe('unchanged');
    expect(await activeEnvironmentTokens()).toHaveLength(1);
    expect(await status(a)).toBe(200);
    expect(lines).toEqual([]);
  });

  it('replaces the previous environment token when ADMIN_TOKEN is rotated', async () => {
    const a = 'operator-chosen-admin-token-aaaaaaaa';
    const b = 'a-completely-different-admin-token-bbbb';
    await registerEnvironmentAdminToken(t.db, a, { log });
    expect(await registerEnvironmentAdminToken(t.db, b, { log })).toBe('replaced');
    expect(await status(a)).toBe(401);
    expect(await status(b)).toBe(200);
    expect(await activeEnvironmentTokens()).toHaveLength(1);
    // Tokens issued through the API are not the environment's to replace.
    expect(await status(t.tokens.admin)).toBe(200);
  });

  it('rotates between secrets that share their first characters (the lookup prefix)', async () => {
    const a = 'same-prefix-admin-token-000000000001';
    const b = 'same-prefix-admin-token-000000000002';
    await registerEnvironmentAdminToken(t.db, a, { log });
    expect(await registerEnvironmentAdminToken(t.db, b, { log })).toBe('replaced');
    expect(await status(a)).toBe(401);
    expect(await status(b)).toBe(200);
  });

  it('accepts an ADMIN_TOKEN in Hali format whose prefix an issued token already has', async () => {
    const issuedPrefix = t.tokens.drafter.split('_')[1];
    const secret = `hali_${issuedPrefix}_${'x'.repeat(32)}`;
    expect(await registerEnvironmentAdminToken(t.db, secret, { log })).toBe('registered');
    expect(await status(secret)).toBe(200);
    expect((await t.request('GET', '/api/v1/incidents', { token: t.tokens.drafter })).status).toBe(200);
  });

  it('refuses a revoked ADMIN_TOKEN with one line, without throwing, and keeps it revoked', async () => {
    const a = 'operator-chosen-admin-token-aaaaaaaa';
    await registerEnvironmentAdminToken(t.db, a, { log });
    const [row] = await activeEnvironmentTokens();
    expect((await t.request('DELETE', `/api/v1/tokens/${row.id}`, { token: t.tokens.admin })).status).toBe(204);

    expect(await registerEnvironmentAdminToken(t.db, a, { log })).toBe('refused');
    expect(await registerEnvironmentAdminToken(t.db, a, { log })).toBe('refused');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe('ADMIN_TOKEN was revoked; set a new value to get admin access (the server runs without it).');
    expect(await status(a)).toBe(401);
    await expectNoTokenMaterialIn(lines.join('\n'), a);

    // A new value after the refusal works again.
    const b = 'a-completely-different-admin-token-bbbb';
    expect(await registerEnvironmentAdminToken(t.db, b, { log })).toBe('registered');
    expect(await status(b)).toBe(200);
  });

  it('never throws: a database failure is one line without token material', async () => {
    const a = 'operator-chosen-admin-token-aaaaaaaa';
    t.close();
    expect(await registerEnvironmentAdminToken(t.db, a, { log })).toBe('failed');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ADMIN_TOKEN could not be registered/);
    expect(lines[0]).not.toContain(a);
    expect(lines[0]).not.toContain(hashSecret(a));
    expect(lines[0]).not.toContain(a.slice(0, 8));
    t = await createTestContext();
  });
});

describe('an ADMIN_TOKEN registered before this version', () => {
  const a = 'operator-chosen-admin-token-aaaaaaaa';
  const b = 'a-completely-different-admin-token-bbbb';
  let dir: string;
  let connection: DatabaseConnection;

  /** A database at the first migration with A as the old code registered it, then migrated. */
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hali-legacy-'));
    connection = await openDatabase({ url: `file:${join(dir, 'hali.db')}` });
    const firstOnly = join(dir, 'migrations');
    mkdirSync(join(firstOnly, 'meta'), { recursive: true });
    const migrations = fileURLToPath(new URL('../../db/migrations', import.meta.url));
    copyFileSync(join(migrations, '0000_init.sql'), join(firstOnly, '0000_init.sql'));
    const journal = JSON.parse(readFileSync(join(migrations, 'meta/_journal.json'), 'utf8'));
    writeFileSync(join(firstOnly, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    await migrate(connection.db, { migrationsFolder: firstOnly });
    // The old code's row: the prefix was the secret's first 8 characters.
    await connection.client.execute({
      sql: "INSERT INTO api_tokens (id, name, role, prefix, secret_hash) VALUES ('legacy', 'ADMIN_TOKEN', 'admin', ?, ?)",
      args: [a.slice(0, 8), hashSecret(a)],
    });
    await migrateDatabase(connection.db);
  });
  afterEach(() => {
    connection.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is adopted when the server restarts with the same value', async () => {
    expect(await registerEnvironmentAdminToken(connection.db, a)).toBe('unchanged');
    expect(await findTokenBySecret(connection.db, a)).toMatchObject({ id: 'legacy' });
    const [row] = await connection.db.select().from(apiTokens).where(eq(apiTokens.id, 'legacy'));
    expect(row.prefix).not.toBe(a.slice(0, 8));
  });

  it('is replaced when the upgrade comes with a new value', async () => {
    expect(await registerEnvironmentAdminToken(connection.db, b)).toBe('replaced');
    expect(await findTokenBySecret(connection.db, a)).toBeUndefined();
    expect(await findTokenBySecret(connection.db, b)).toMatchObject({ role: 'admin' });
  });
});
