import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { BuildReply, BuildRequest } from './astro-build-process';

export type AstroBuildRunner = {
  /** Renders the site described by the snapshot file into `outDir` (which must not exist yet). */
  build: (request: { outDir: string; snapshotPath: string }) => Promise<void>;
  close: () => void;
};

const processPath = fileURLToPath(new URL('./astro-build-process.ts', import.meta.url));

// The build process is TypeScript, loaded through tsx: `--import` from Node 20.6, `--loader` before.
const [major, minor] = process.versions.node.split('.').map(Number);
const tsxFlags = major > 20 || (major === 20 && minor >= 6) ? ['--import', 'tsx'] : ['--loader', 'tsx'];

/**
 * Runs Astro builds in one child process, started on first use and kept warm. If it dies, the
 * pending build fails and the next one starts a fresh process.
 */
export function createAstroBuildRunner(options: { cacheDir: string }): AstroBuildRunner {
  let child: ChildProcess | null = null;
  let nextId = 1;
  const pending = new Map<number, { resolve: () => void; reject: (error: Error) => void }>();

  const idle = () => {
    // While nothing is pending, the warm child must not keep the parent alive.
    if (pending.size === 0 && child) {
      child.unref();
      child.channel?.unref();
    }
  };

  const start = () => {
    const started = fork(processPath, [], {
      execArgv: tsxFlags,
      env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    started.on('message', (reply: BuildReply) => {
      const waiter = pending.get(reply.id);
      if (!waiter) return;
      pending.delete(reply.id);
      if (reply.ok) waiter.resolve();
      else waiter.reject(new Error(`Astro build failed: ${reply.error}`));
      idle();
    });
    started.on('exit', (code, signal) => {
      if (child === started) child = null;
      for (const [id, waiter] of pending) {
        pending.delete(id);
        waiter.reject(new Error(`The site build process stopped (${signal ?? `exit code ${code}`}) before finishing.`));
      }
    });
    return started;
  };

  return {
    build(request) {
      child ??= start();
      child.ref();
      child.channel?.ref();
      const id = nextId++;
      const message: BuildRequest = { id, outDir: request.outDir, snapshotPath: request.snapshotPath, cacheDir: options.cacheDir };
      return new Promise<void>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child?.send(message);
      });
    },
    close() {
      child?.kill();
      child = null;
    },
  };
}
