import { performance } from 'node:perf_hooks';

/** How long a slice of synchronous work may hold the event loop before others get a turn. */
const defaultSliceMs = 10;

/**
 * For long jobs on the local libSQL driver, which is synchronous: every statement blocks the event
 * loop, and awaiting it only queues a microtask, so a 100,000-row job would answer no page request
 * (the static site is served by the same process) until it ends. Call the returned function between
 * units of work; once the current slice has run for `sliceMs`, it waits one turn of the event loop.
 * A transaction stays open across the pause, and db/in-process-turns.ts keeps other database work
 * waiting for its turn meanwhile, so nobody sees half-written data.
 */
export function eventLoopSlices(sliceMs = defaultSliceMs): () => Promise<void> {
  let sliceStarted = performance.now();
  return async function endSliceIfDue() {
    if (performance.now() - sliceStarted < sliceMs) return;
    await letOthersRun();
    sliceStarted = performance.now();
  };
}

/** One turn of the event loop: I/O that is waiting (an incoming request) is handled before this resolves. */
export function letOthersRun(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
