/**
 * A line for async work within one process: each piece starts when the one before it has settled
 * (resolved or failed), in the order they were given.
 */
export type Line = <T>(work: () => Promise<T>) => Promise<T>;

export function oneAtATime(): Line {
  let last: Promise<unknown> = Promise.resolve();
  return (work) => {
    const turn = last.then(work);
    last = turn.catch(() => undefined);
    return turn;
  };
}
