import type { OndatoError } from './errors';

/**
 * When and how long to wait before trying a request again.
 *
 * - Only `idempotent` requests are retried on network errors, timeouts, 408, 429, 502, 503 and 504
 *   (a 500 is a bug on Ondato's side and is not retried automatically; it is still `retryable` for a
 *   later sync). Idempotent here: every GET, `PUT .../redact` (redacting twice is the same as once) and
 *   the two read-only `POST .../filter` listings.
 * - `POST /v1/identity-verifications` (create) is `unsent-only`: retried only when the connection was
 *   refused or the host could not be resolved, i.e. not one byte of the request left this machine.
 *   Any other failure (timeout, dropped connection, 5xx, 429) may have created the IDV, so it is
 *   reported and never repeated: a duplicate IDV would send the customer two links.
 * - A 401 on any request (create included: a 401 means the request was refused before any work was
 *   done) invalidates the token and repeats the request once with a fresh token; that repeat does not
 *   count as an attempt.
 * - The delay is exponential backoff with full jitter: random() × min(maxDelayMs, baseDelayMs × 2^(n-1)).
 *   A `Retry-After` (seconds or HTTP-date) on 429/503 replaces it; above `maxRetryAfterMs` the client
 *   gives up at once with the wait time in the error. The sum of all delays never exceeds
 *   `maxTotalDelayMs`, and there are at most `maxAttempts` attempts.
 */
export interface RetryPolicy {
  /** Attempts in total, the first one included (1 = never retry). */
  maxAttempts: number;
  baseDelayMs: number;
  /** Upper bound of one backoff delay before jitter. */
  maxDelayMs: number;
  /** Upper bound of the sum of all delays of one request. */
  maxTotalDelayMs: number;
  /** A longer `Retry-After` is not waited for: the request fails with `rate_limited` carrying the time. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 3,
  baseDelayMs: 500,
  maxDelayMs: 8_000,
  maxTotalDelayMs: 60_000,
  maxRetryAfterMs: 60_000,
};

export type RetryMode = 'idempotent' | 'unsent-only' | 'never';

const RETRY_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

export function resolveRetryPolicy(partial: Partial<RetryPolicy> = {}): RetryPolicy {
  const merged = { ...DEFAULT_RETRY_POLICY, ...partial };
  const nonNegative = (n: number, fallback: number): number => (Number.isFinite(n) && n >= 0 ? n : fallback);
  return {
    maxAttempts: Math.max(1, Math.floor(nonNegative(merged.maxAttempts, DEFAULT_RETRY_POLICY.maxAttempts))),
    baseDelayMs: nonNegative(merged.baseDelayMs, DEFAULT_RETRY_POLICY.baseDelayMs),
    maxDelayMs: nonNegative(merged.maxDelayMs, DEFAULT_RETRY_POLICY.maxDelayMs),
    maxTotalDelayMs: nonNegative(merged.maxTotalDelayMs, DEFAULT_RETRY_POLICY.maxTotalDelayMs),
    maxRetryAfterMs: nonNegative(merged.maxRetryAfterMs, DEFAULT_RETRY_POLICY.maxRetryAfterMs),
  };
}

/**
 * `Retry-After` as milliseconds from `nowMs`: delta-seconds (`120`) or an HTTP-date. A date in the
 * past gives 0. Anything unparsable gives undefined.
 */
export function parseRetryAfter(value: string | null | undefined, nowMs: number): number | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds * 1000 : undefined;
  }
  if (/^\d*\.\d+$/.test(text)) return Math.ceil(Number(text) * 1000);
  // HTTP-date (IMF-fixdate; Date.parse also takes the obsolete RFC 850 and asctime forms).
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}

/** Full-jitter backoff before attempt `attempt + 1` (`attempt` ≥ 1 is the attempt that just failed). */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const exponent = Math.min(Math.max(attempt - 1, 0), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const r = Math.min(Math.max(random(), 0), 1);
  return Math.floor(r * ceiling);
}

/** Whether this failure may be retried at all under `mode` (before counting attempts and delays). */
export function isRetriableFailure(error: OndatoError, mode: RetryMode, unsent: boolean): boolean {
  if (mode === 'never') return false;
  if (mode === 'unsent-only') return error.code === 'network' && unsent;
  if (error.code === 'network' || error.code === 'timeout') return true;
  return error.status !== undefined && RETRY_STATUSES.has(error.status);
}

export type RetryDecision = { retry: true; delayMs: number } | { retry: false; reason: string };

/**
 * The decision after attempt `attempt` failed with `error`. `spentMs` is the delay already spent on
 * this request.
 */
export function decideRetry(input: {
  error: OndatoError;
  mode: RetryMode;
  unsent: boolean;
  attempt: number;
  spentMs: number;
  policy: RetryPolicy;
  random: () => number;
}): RetryDecision {
  const { error, mode, unsent, attempt, spentMs, policy, random } = input;
  if (!isRetriableFailure(error, mode, unsent)) return { retry: false, reason: 'not retriable' };
  if (attempt >= policy.maxAttempts) return { retry: false, reason: 'attempts exhausted' };
  let delayMs: number;
  if (error.retryAfterMs !== undefined) {
    if (error.retryAfterMs > policy.maxRetryAfterMs) return { retry: false, reason: 'retry-after too long' };
    delayMs = error.retryAfterMs;
  } else {
    delayMs = backoffDelay(attempt, policy, random);
  }
  if (spentMs + delayMs > policy.maxTotalDelayMs) return { retry: false, reason: 'delay budget exhausted' };
  return { retry: true, delayMs };
}
