// Backoff between attempts and the server's own word on it (Retry-After, RFC 9110 §10.2.3). Pure: the
// clock value and the jitter source are arguments.

const BASE_DELAY_MS = 500;
const MAX_DELAY_MS = 30_000;

/** Statuses that may succeed later: server errors and 429 Too Many Requests (RFC 6585 §4). */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status >= 500;
}

/**
 * Delay before retry number `retry` (0 for the first retry): exponential, with "equal jitter" so
 * many clients that failed together do not come back together, yet never less than half the step.
 */
export function backoffDelay(retry: number, random: () => number, baseMs = BASE_DELAY_MS, maxMs = MAX_DELAY_MS): number {
  const step = Math.min(maxMs, baseMs * 2 ** retry);
  return Math.round(step / 2 + (step / 2) * random());
}

/**
 * Retry-After as milliseconds from now: either delay-seconds or an HTTP-date (IMF-fixdate, or the
 * obsolete formats Date.parse understands). Null when absent or unparseable; never negative.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed === '') return null;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // Every HTTP-date form starts with a day name (RFC 9110 §5.6.7); Date.parse alone would take "1.5".
  if (!/^[A-Za-z]{3}/.test(trimmed)) return null;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return null;
  return Math.max(0, date - nowMs);
}
