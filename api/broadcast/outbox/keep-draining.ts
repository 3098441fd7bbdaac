import { loggableError } from '../../logging/loggable-error';
import type { Lane } from './worker-lane';

export type PollSettings = {
  signal: AbortSignal;
  /** Pause between polls when nothing was due, and at least a second after an error. */
  idleMs: number;
  /** Resolves when the lane may have work again (the worker's due-work watch). */
  untilDue: () => Promise<void>;
  owner: string;
  log: (line: string) => void;
};

/** Resolves after `ms`, or at once when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
    signal.addEventListener('abort', done, { once: true });
  });
}

/**
 * Polls one lane on its own until the worker stops, so a channel waiting out its rate limit never
 * holds up another. An error is logged (without personal data: loggableError) and the lane tries
 * again after a pause.
 */
export async function keepDraining(lane: Lane, settings: PollSettings): Promise<void> {
  const { signal, idleMs, owner, log, untilDue } = settings;
  while (!signal.aborted) {
    try {
      const handled = await lane();
      if (handled > 0) log(`delivery worker ${owner}: handled ${handled} deliveries`);
      else await untilDue();
    } catch (error) {
      if (signal.aborted) break;
      log(`delivery worker ${owner}: ${loggableError(error)}; trying again shortly`);
      await pause(Math.max(idleMs, 1000), signal);
    }
  }
}
