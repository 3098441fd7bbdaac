/** The first retry waits about this long; each later one doubles it. */
const baseDelayMs = 2_000;
/** No wait grows past this, so maxAttempts retries stay well inside Resend's 24-hour idempotency window. */
const maxDelayMs = 10 * 60_000;

/**
 * How long to wait before the next attempt: exponential backoff with full jitter (so workers that
 * failed together do not retry together), but never sooner than the provider asked for.
 */
export function computeRetryDelay(attempts: number, providerWaitMs: number | undefined, random: () => number = Math.random): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(ceiling / 2 + (random() * ceiling) / 2);
  return Math.max(jittered, providerWaitMs ?? 0);
}

/**
 * Reads the provider's own "come back later" hint: `retry-after` (seconds or an HTTP date,
 * RFC 9110 §10.2.3) or X's `x-rate-limit-reset` (epoch seconds).
 */
export function readProviderWait(headers: Record<string, string | string[] | undefined> | null | undefined, now: Date): number | undefined {
  if (!headers) return undefined;
  const header = (name: string) => {
    const value = headers[name] ?? headers[name.toLowerCase()];
    return Array.isArray(value) ? value[0] : value;
  };
  const retryAfter = header('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return Math.max(0, date - now.getTime());
  }
  const reset = Number(header('x-rate-limit-reset'));
  if (Number.isFinite(reset) && reset > 0) return Math.max(0, reset * 1000 - now.getTime());
  return undefined;
}
