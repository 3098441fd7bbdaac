import { mkdirSync, rmSync } from 'node:fs';
import { setPriority } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'astro';
import { snapshotPathVariable } from './site-snapshot';

// The long-lived build process: Astro's programmatic build() answers in a few hundred
// milliseconds once warm, where a fresh `astro build` spends seconds starting up. It runs apart
// from the server so a crash or a leak in a build never takes the status page down with it.

export type BuildRequest = { id: number; outDir: string; snapshotPath: string; cacheDir: string };
export type BuildReply = { id: number; ok: true } | { id: number; ok: false; error: string };

const root = fileURLToPath(new URL('../../../', import.meta.url));

// Astro stages a build in <cwd>/.astro/ when outDir is outside the working directory, and imports
// the staged chunks from there (so it must sit under the project to find node_modules). Each build
// process gets its own working folder, so builds in parallel processes never share a staging area.
const workingDir = join(root, 'node_modules', '.astro', `hali-build-${process.pid}`);
mkdirSync(workingDir, { recursive: true });
process.chdir(workingDir);
process.on('exit', () => rmSync(workingDir, { recursive: true, force: true }));

// The server keeps answering from the last good build while this one runs, so when both want the
// CPU the people reading the status page go first (lowering one's own priority needs no privilege).
setPriority(10);

let queue: Promise<void> = Promise.resolve();

process.on('message', (request: BuildRequest) => {
  // Builds share process.env (the snapshot path), so they run one after another.
  queue = queue.then(async () => {
    process.env[snapshotPathVariable] = request.snapshotPath;
    let reply: BuildReply;
    try {
      await build({ root, outDir: request.outDir, cacheDir: request.cacheDir, logLevel: 'error', vite: { cacheDir: request.cacheDir } });
      reply = { id: request.id, ok: true };
    } catch (error) {
      reply = { id: request.id, ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    process.send?.(reply);
  });
});

process.on('disconnect', () => process.exit(0));
