import { spawn, type ChildProcess } from 'node:child_process';
import { compileWorker } from './compile-worker';

export type WorkerProcess = {
  /** SIGTERM to the worker (it finishes the requests in flight), resolved once it has exited. */
  stop(): Promise<void>;
};

const firstRestartMs = 1_000;
const longestRestartMs = 30_000;

/**
 * `npm start`'s delivery worker, in a process of its own (`scripts/worker.ts` compiled, as
 * `npm run worker` runs it, with the server's environment and Node flags but not tsx's loader)
 * rather than in the server's: libSQL's local driver is synchronous,
 * so rendering and recording 100,000 emails in the server's process would hold every page and
 * lookup behind it, and the worker lowers its own CPU priority so the server goes first. A worker
 * that dies is started again, after 1 s and then up to 30 s between tries; the outbox's leases make
 * whatever it held claimable again.
 */
export async function startWorkerProcess(log: (line: string) => void): Promise<WorkerProcess> {
  const workerScript = await compileWorker();
  const nodeFlags = withoutTsxLoader(process.execArgv);
  let child: ChildProcess | null = null;
  let stopping = false;
  let restartMs = firstRestartMs;
  let restartTimer: NodeJS.Timeout | null = null;

  function launch() {
    const startedAt = Date.now();
    const launched = spawn(process.execPath, [...nodeFlags, workerScript], { env: process.env, stdio: ['ignore', 'inherit', 'inherit'] });
    child = launched;
    launched.once('exit', (code, signal) => {
      child = null;
      if (stopping) return;
      // A worker that ran for a while before it died starts again after 1 s; one that keeps dying, less often.
      const waitMs = Date.now() - startedAt > longestRestartMs ? firstRestartMs : restartMs;
      restartMs = Math.min(longestRestartMs, waitMs * 2);
      log(`delivery worker exited (${signal ?? `code ${code}`}); starting it again in ${Math.round(waitMs / 1000)} s`);
      restartTimer = setTimeout(launch, waitMs);
    });
  }

  launch();
  return {
    async stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const running = child;
      if (!running || running.exitCode !== null || running.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
      running.kill('SIGTERM');
      await exited;
    },
  };
}

/** The server's Node flags without `--import tsx` (and its `=` form): the compiled worker needs no loader. */
function withoutTsxLoader(flags: string[]): string[] {
  return flags.filter((flag, index) => flag !== '--import=tsx' && !(flag === '--import' && flags[index + 1] === 'tsx') && !(flag === 'tsx' && flags[index - 1] === '--import'));
}
