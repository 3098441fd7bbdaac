export type BuildQueue<Result> = {
  /** Asks for a build; resolves with the result of the build that includes this request. */
  schedule: (reason: string) => Promise<Result>;
  /** Resolves once no build is running or waiting. */
  whenIdle: () => Promise<void>;
  isBuilding: () => boolean;
};

type Batch<Result> = { reasons: string[]; promise: Promise<Result>; resolve: (r: Result) => void; reject: (e: unknown) => void };

function newBatch<Result>(): Batch<Result> {
  let resolve!: (r: Result) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<Result>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { reasons: [], promise, resolve, reject };
}

/**
 * Coalesces build requests: builds never overlap, and any number of requests that arrive during a
 * build cause exactly one more build afterwards, which covers them all.
 */
export function createBuildQueue<Result>(run: (reasons: string[]) => Promise<Result>): BuildQueue<Result> {
  let waiting: Batch<Result> | null = null;
  let running: Promise<void> | null = null;

  const drain = async () => {
    while (waiting) {
      const batch = waiting;
      waiting = null;
      try {
        batch.resolve(await run(batch.reasons));
      } catch (error) {
        batch.reject(error);
      }
    }
    running = null;
  };

  return {
    schedule(reason) {
      waiting ??= newBatch<Result>();
      waiting.reasons.push(reason);
      const { promise } = waiting;
      running ??= drain();
      return promise;
    },
    async whenIdle() {
      while (running) await running;
    },
    isBuilding: () => running !== null,
  };
}
