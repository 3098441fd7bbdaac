/** The latest of some ISO 8601 instants (they sort as text); the epoch when there are none. */
export const latestTime = (times: (string | null)[]) =>
  times.filter((t): t is string => t !== null).sort().at(-1) ?? '1970-01-01T00:00:00.000Z';
