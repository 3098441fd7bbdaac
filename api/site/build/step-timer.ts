/** Milliseconds per named step of one build, to see where a slow build goes. */
export type StepTimer = {
  /** Ends the step under way, under this name, and starts the next. */
  step: (name: string) => void;
  steps: Record<string, number>;
  /** Milliseconds since the timer started. */
  elapsed: () => number;
};

export function startStepTimer(): StepTimer {
  const started = performance.now();
  const steps: Record<string, number> = {};
  let mark = started;
  return {
    step(name) {
      const now = performance.now();
      steps[name] = Math.round(now - mark);
      mark = now;
    },
    steps,
    elapsed: () => Math.round(performance.now() - started),
  };
}
