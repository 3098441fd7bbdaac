import { performance } from 'node:perf_hooks';

export type ProbeSample = { at: number; ms: number; ok: boolean };

/**
 * One GET at a time against `url` every `everyMs`, each with its start time, so a slow answer can be
 * matched with the work that was running then (autocannon gives percentiles, not timestamps).
 */
export function startLatencyProbe(url: string, everyMs = 50): { samples: ProbeSample[]; stop(): Promise<void> } {
  const samples: ProbeSample[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const at = performance.now();
      const ok = await fetch(url).then(async (response) => (await response.arrayBuffer(), response.ok)).catch(() => false);
      samples.push({ at, ms: performance.now() - at, ok });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    samples,
    async stop() {
      running = false;
      await loop;
    },
  };
}

export type WorkSpan = { name: string; from: number; to: number };

/** The names of the work that was running at `at`, or 'nothing else' when it was only the load. */
export function workAt(spans: WorkSpan[], at: number): string {
  const running = spans.filter((span) => span.from <= at && at <= span.to).map((span) => span.name);
  return running.length ? running.join(' + ') : 'the load alone';
}
