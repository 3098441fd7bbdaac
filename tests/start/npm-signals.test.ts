import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerEnvironmentAdminToken, revokedAdminTokenLine } from '../../api/auth/environment-admin-token';
import { systemActor } from '../../api/auth/actor';
import { revokeToken } from '../../api/auth/manage-tokens';
import { createAccountWithToken } from '../../api/staff/account-with-token';
import { migrateDatabase, openDatabase } from '../../db/client';
import { apiTokens } from '../../db/schema/index';
import { eq } from 'drizzle-orm';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Every process below `pid`, from ps. */
function descendantsOf(pid: number): number[] {
  const rows = execFileSync('ps', ['-eo', 'pid=,ppid='], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number));
  const found: number[] = [];
  const parents = [pid];
  while (parents.length > 0) {
    const parent = parents.pop();
    for (const [child, ppid] of rows) {
      if (ppid === parent) {
        found.push(child);
        parents.push(child);
      }
    }
  }
  return found;
}

/** A process's command line and nice value, from ps. */
function processInfo(pid: number): { args: string; nice: number } {
  const [nice, ...args] = execFileSync('ps', ['-o', 'ni=,args=', '-p', String(pid)], { encoding: 'utf8' }).trim().split(/\s+/);
  return { args: args.join(' '), nice: Number(nice) };
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs `npm run <script>` as an operator would, collecting its output. */
function runNpm(script: string, env: Record<string, string>) {
  const child = spawn('npm', ['run', script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, output, exited };
}

/** SIGTERM to npm alone (what a supervisor sends), then: is anything it started still running? */
async function stopAndListSurvivors(child: ChildProcess, exited: Promise<void>, tree: number[]): Promise<number[]> {
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  const deadline = Date.now() + 5_000;
  while (tree.some(isAlive) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  return tree.filter(isAlive);
}

function killLeftovers(tree: number[]) {
  for (const pid of tree.filter(isAlive)) process.kill(pid, 'SIGKILL');
}

describe('npm start', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hali-start-'));
  const adminToken = 'operator-chosen-admin-token-revoked-one';
  let run: ReturnType<typeof runNpm>;
  let url: string;
  let tree: number[] = [];

  beforeAll(async () => {
    // A database whose ADMIN_TOKEN an admin has since revoked through the API.
    const databaseUrl = `file:${join(dir, 'hali.db')}`;
    const connection = await openDatabase({ url: databaseUrl });
    await migrateDatabase(connection.db);
    await registerEnvironmentAdminToken(connection.db, adminToken);
    await createAccountWithToken(connection.db, { name: 'second admin', email: 'second-admin@test.invalid', role: 'admin' }, new Date());
    const [environmentToken] = await connection.db.select().from(apiTokens).where(eq(apiTokens.fromEnvironment, true));
    await revokeToken(connection.db, environmentToken.id, { now: new Date(), actor: systemActor });
    connection.close();

    run = runNpm('start', { NODE_ENV: 'production', PORT: '0', HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SITE_DIR: join(dir, 'site'), ADMIN_TOKEN: adminToken });
    url = await waitFor('the server to listen', () => /status page\s+(http:\/\/\S+?)\//.exec(run.output.stdout)?.[1], 90_000);
    tree = descendantsOf(run.child.pid!);
  }, 120_000);

  afterAll(() => {
    killLeftovers([run.child.pid!, ...tree]);
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the public site although ADMIN_TOKEN was revoked, saying so in one line', async () => {
    expect((await fetch(`${url}/`)).status).toBe(200);
    expect((await fetch(`${url}/api/v1/tokens`, { headers: { Authorization: `Bearer ${adminToken}` } })).status).toBe(401);
    const adminTokenLines = run.output.stderr.split('\n').filter((line) => line.includes('ADMIN_TOKEN'));
    expect(adminTokenLines).toEqual([revokedAdminTokenLine]);
    expect(run.output.stderr + run.output.stdout).not.toContain(adminToken);
  });

  it('runs the delivery worker in a process of its own, at a lower CPU priority than the server', async () => {
    const processes = await waitFor(
      'the worker process',
      () => {
        const found = descendantsOf(run.child.pid!).map((pid) => ({ pid, ...processInfo(pid) }));
        return found.some((info) => info.args.includes('node_modules/.cache/hali/worker.mjs')) && run.output.stdout.includes('delivery worker started') ? found : undefined;
      },
      60_000,
    );
    const worker = processes.find((info) => info.args.includes('node_modules/.cache/hali/worker.mjs'))!;
    // Compiled, without tsx's loader in its memory.
    expect(worker.args).not.toContain('tsx');
    const server = processes.find((info) => info.args.includes('scripts/start.ts'))!;
    expect(worker.pid).not.toBe(server.pid);
    expect(server.nice).toBeLessThan(19);
    expect(worker.nice).toBe(19);
    tree = descendantsOf(run.child.pid!);
  }, 90_000);

  it('stops every process it started when npm gets SIGTERM', async () => {
    expect(tree.length).toBeGreaterThan(0);
    expect(await stopAndListSurvivors(run.child, run.exited, tree)).toEqual([]);
    await expect(fetch(`${url}/`)).rejects.toThrow();
  }, 30_000);
});

describe('npm run worker', () => {
  it('stops every process it started when npm gets SIGTERM', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hali-worker-'));
    const run = runNpm('worker', { DATABASE_URL: `file:${join(dir, 'hali.db')}` });
    let tree: number[] = [];
    try {
      await waitFor('the worker to start', () => (run.output.stdout.includes('delivery worker started') ? true : undefined), 60_000);
      tree = descendantsOf(run.child.pid!);
      expect(tree.length).toBeGreaterThan(0);
      expect(await stopAndListSurvivors(run.child, run.exited, tree)).toEqual([]);
    } finally {
      killLeftovers([run.child.pid!, ...tree]);
      rmSync(dir, { recursive: true, force: true });
    }
  }, 90_000);
});
