import { createFailedAuthThrottle, type FailedAuthThrottle } from '../auth/failed-auth-throttle';

/**
 * Limits on guessing at the lookup: failed lookups are counted per reference (someone trying
 * emails against one appointment) and per client address (someone trying many references). Only
 * failures count, so an applicant who checks their own date often is never stopped. Both counters
 * keep a bounded number of keys (the failed-auth throttle forgets the least recent first), so
 * anonymous requests cannot grow memory without bound.
 */
export type LookupThrottle = {
  /** Seconds to wait, or null when this reference may be looked up from this address now. */
  retryAfterSeconds: (keys: { reference: string; address: string }, now: Date) => number | null;
  recordFailure: (keys: { reference: string; address: string }, now: Date) => void;
};

export type LookupThrottleOptions = { failuresPerReference?: number; failuresPerAddress?: number; windowMs?: number; maxTrackedKeys?: number };

export function createLookupThrottle(options: LookupThrottleOptions = {}): LookupThrottle {
  const windowMs = options.windowMs ?? 15 * 60_000;
  const maxTrackedAddresses = options.maxTrackedKeys ?? 10_000;
  const byReference: FailedAuthThrottle = createFailedAuthThrottle({ maxFailures: options.failuresPerReference ?? 5, windowMs, maxTrackedAddresses });
  const byAddress: FailedAuthThrottle = createFailedAuthThrottle({ maxFailures: options.failuresPerAddress ?? 30, windowMs, maxTrackedAddresses });
  // References are compared as the lookup compares them, so "ab12" and " AB12 " share one counter.
  const referenceKey = (reference: string) => reference.trim().toUpperCase().slice(0, 64);
  return {
    retryAfterSeconds({ reference, address }, now) {
      const waits = [byReference.retryAfterSeconds(referenceKey(reference), now), byAddress.retryAfterSeconds(address, now)].filter((wait): wait is number => wait !== null);
      return waits.length ? Math.max(...waits) : null;
    },
    recordFailure({ reference, address }, now) {
      byReference.recordFailure(referenceKey(reference), now);
      byAddress.recordFailure(address, now);
    },
  };
}
