/** Failures allowed before an account is locked, and how long the lock lasts as failures go on. */
export const freeFailures = 5;

/** Back-off: 1 minute after the 5th failure, doubling with each further one, at most an hour. */
export function lockoutMs(failures: number): number {
  if (failures < freeFailures) return 0;
  return Math.min(60_000 * 2 ** (failures - freeFailures), 3_600_000);
}
