import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrateDatabase, openDatabase, type Database } from '../../db/client';
import { createApp } from '../../api/app';
import { loadConfig, type Config } from '../../api/config';
import { createAccountWithToken } from '../../api/staff/account-with-token';
import type { TokenRole } from '../../db/schema/index';
import type { SiteBuildStatus } from '../../api/dependencies';
import { responseContract, type ResponseContract } from './response-contract';

export type TestContext = {
  db: Database;
  config: Config;
  app: ReturnType<typeof createApp>;
  dir: string;
  databaseUrl: string;
  /** One token per role, each for its own account (`<key>@test.invalid`), plus a second publisher and drafter for four-eyes tests. */
  tokens: Record<TokenRole | 'publisher2' | 'drafter2', string>;
  siteBuildReasons: string[];
  /** What the stand-in site builder reports; tests may change it. */
  siteBuildStatus: SiteBuildStatus;
  now: { value: Date };
  /**
   * Calls the app with a bearer token and JSON body. Every answer from a staff API operation is
   * checked against what /api/v1/openapi.json declares for it (status, media type, body schema):
   * a difference throws ContractMismatch, so every integration test is also a contract test.
   */
  request: (method: string, path: string, options?: { token?: string; json?: unknown; body?: string; headers?: Record<string, string> }) => Promise<Response>;
  close: () => void;
};

/** A fresh app on its own SQLite file in a temp folder. Each test makes its own data. */
export async function createTestContext(env: Record<string, string> = {}): Promise<TestContext> {
  const dir = mkdtempSync(join(tmpdir(), 'hali-test-'));
  const databaseUrl = `file:${join(dir, 'hali.db')}`;
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, SITE_DIR: join(dir, 'site'), WORKER: 'off', ...env });
  const connection = await openDatabase(config.database);
  await migrateDatabase(connection.db);
  const siteBuildReasons: string[] = [];
  const siteBuildStatus: SiteBuildStatus = { building: false, lastGood: null, lastFailure: null };
  const now = { value: new Date('2026-11-25T08:00:00.000Z') };
  const app = createApp({
    config,
    db: connection.db,
    now: () => now.value,
    siteBuilds: { schedule: (reason) => void siteBuildReasons.push(reason), status: () => siteBuildStatus },
  });
  const tokens = {} as TestContext['tokens'];
  for (const [key, role] of [
    ['drafter', 'drafter'],
    ['drafter2', 'drafter'],
    ['publisher', 'publisher'],
    ['publisher2', 'publisher'],
    ['admin', 'admin'],
    ['integration', 'integration'],
  ] as const) {
    // One person per key: four-eyes compares accounts, so drafter and drafter2 must be different people.
    tokens[key] = (await createAccountWithToken(connection.db, { name: key, email: `${key}@test.invalid`, role }, now.value)).secret;
  }
  let contract: Promise<ResponseContract> | undefined;
  const documentContract = () =>
    (contract ??= Promise.resolve(app.request('/api/v1/openapi.json'))
      .then((response) => response.text())
      .then(responseContract));
  const request: TestContext['request'] = async (method, path, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.Authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.body;
    if (options.json !== undefined) {
      headers['Content-Type'] = 'application/json';
      body = JSON.stringify(options.json);
    }
    const response = await app.request(path, { method, headers, body });
    if (path.startsWith('/api/v1/')) await (await documentContract()).check(method, path, response);
    return response;
  };
  return {
    db: connection.db,
    config,
    app,
    dir,
    databaseUrl,
    tokens,
    siteBuildReasons,
    siteBuildStatus,
    now,
    request,
    close: () => {
      connection.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
