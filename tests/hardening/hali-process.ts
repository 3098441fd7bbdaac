import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export type HaliProcess = {
  child: ChildProcess;
  /** stdout and stderr as they arrive. */
  output: string[];
  text(): string;
  exited: Promise<number | null>;
  /** Signals the whole process group (tsx, node, an Astro build child) and waits for the exit. */
  kill(signal?: NodeJS.Signals): Promise<number | null>;
};

/**
 * Runs one of Hali's own scripts (`scripts/start.ts`, `scripts/worker.ts`, a CLI) as a real node
 * process with only the environment given: what an operator runs, not an in-process imitation.
 */
export type SpawnOptions = {
  nodeOptions?: string[];
  /** RLIMIT_FSIZE (`ulimit -f`, in KiB): no file the process writes may grow past it. */
  fileSizeLimitKb?: number;
};

export function spawnHali(script: string, args: string[], env: Record<string, string>, options: SpawnOptions = {}): HaliProcess {
  const command = [process.execPath, ...(options.nodeOptions ?? []), '--import', 'tsx', script, ...args];
  const [file, ...rest] = options.fileSizeLimitKb ? ['sh', '-c', `ulimit -f ${options.fileSizeLimitKb * 2} && exec "$0" "$@"`, ...command] : command;
  const child = spawn(file, rest, {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NODE_ENV: 'test', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so a signal reaches the Astro build child too.
    detached: true,
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code, signal) => resolve(code ?? (signal ? -1 : null))));
  return {
    child,
    output,
    text: () => output.join(''),
    exited,
    async kill(signal = 'SIGKILL') {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // already gone
      }
      const code = await exited;
      // A graceful stop of the main process may leave its group behind; nothing of it may outlive the test.
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // all gone
      }
      return code;
    },
  };
}

/** Runs a CLI script to its end: exit code and everything it printed. */
export async function runHali(script: string, args: string[], env: Record<string, string>, options: SpawnOptions = {}): Promise<{ code: number | null; output: string }> {
  const run = spawnHali(script, args, env, options);
  const code = await run.exited;
  return { code, output: run.text() };
}

/** Polls `done` until it is true or `timeoutMs` passes (then throws with `what` and the process output). */
export async function waitUntil(what: string, done: () => Promise<boolean> | boolean, timeoutMs = 60_000, processes: HaliProcess[] = []): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}\n${processes.map((p) => p.text().slice(-2_000)).join('\n---\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Starts `scripts/start.ts` and resolves with its URL once it listens. */
export async function startHaliServer(env: Record<string, string>, options: SpawnOptions = {}, timeoutMs = 120_000): Promise<HaliProcess & { url: string }> {
  const server = spawnHali('scripts/start.ts', [], { HOST: '127.0.0.1', PORT: '0', ...env }, options);
  let url = '';
  await waitUntil(
    'the server to listen',
    () => {
      url = /status page\s+(http:\/\/\S+?)\/\s/.exec(server.text())?.[1] ?? '';
      if (!url && server.child.exitCode !== null) throw new Error(`scripts/start.ts exited with ${server.child.exitCode}:\n${server.text()}`);
      return url !== '';
    },
    timeoutMs,
    [server],
  );
  return Object.assign(server, { url });
}
