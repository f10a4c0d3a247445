import { describe, expect, it } from 'vitest';
import { OndatoError } from '../../../../src/main/ondato/errors';
import {
  backoffDelay,
  decideRetry,
  DEFAULT_RETRY_POLICY,
  isRetriableFailure,
  parseRetryAfter,
  resolveRetryPolicy,
  type RetryMode,
} from '../../../../src/main/ondato/retry';

const NOW = Date.UTC(2025, 0, 1, 12, 0, 0);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('0', NOW)).toBe(0);
    expect(parseRetryAfter('7', NOW)).toBe(7000);
    expect(parseRetryAfter(' 120 ', NOW)).toBe(120_000);
    expect(parseRetryAfter('1.5', NOW)).toBe(1500);
  });

  it('reads an HTTP-date relative to the clock', () => {
    expect(parseRetryAfter('Wed, 01 Jan 2025 12:00:30 GMT', NOW)).toBe(30_000);
    expect(parseRetryAfter(new Date(NOW + 90_000).toUTCString(), NOW)).toBe(90_000);
    expect(parseRetryAfter('Wednesday, 01-Jan-25 12:01:00 GMT', NOW)).toBe(60_000);
  });

  it('gives 0 for a date in the past', () => {
    expect(parseRetryAfter('Tue, 31 Dec 2024 12:00:00 GMT', NOW)).toBe(0);
  });

  it('gives undefined for missing or garbage values', () => {
    for (const value of [null, undefined, '', '   ', '-5', 'soon', '12abc', '99999999999999999999', '1e3']) {
      expect(parseRetryAfter(value, NOW)).toBeUndefined();
    }
  });
});

describe('backoffDelay', () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };

  it('doubles the ceiling per attempt up to maxDelayMs (random = 1 − ε)', () => {
    const top = () => 0.999999;
    expect([1, 2, 3, 4, 5, 6, 50].map((n) => backoffDelay(n, policy, top))).toEqual([
      99, 199, 399, 799, 999, 999, 999,
    ]);
  });

  it('is full jitter: 0 with random = 0, half the ceiling with 0.5', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });

  it('stays inside [0, ceiling] even for a misbehaving random', () => {
    expect(backoffDelay(1, policy, () => 7)).toBe(100);
    expect(backoffDelay(1, policy, () => -1)).toBe(0);
  });

  it('stays within bounds over many random draws', () => {
    let seed = 1;
    const lcg = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    for (let attempt = 1; attempt < 10; attempt += 1) {
      const ceiling = Math.min(1000, 100 * 2 ** (attempt - 1));
      for (let i = 0; i < 200; i += 1) {
        const d = backoffDelay(attempt, policy, lcg);
        expect(d).toBeGreaterThanOrEqual(0);
        expect(d).toBeLessThanOrEqual(ceiling);
      }
    }
  });
});

describe('isRetriableFailure', () => {
  const cases: [OndatoError, RetryMode, boolean, boolean][] = [
    [new OndatoError('network'), 'idempotent', false, true],
    [new OndatoError('timeout'), 'idempotent', false, true],
    [new OndatoError('server', { status: 502 }), 'idempotent', false, true],
    [new OndatoError('server', { status: 503 }), 'idempotent', false, true],
    [new OndatoError('server', { status: 504 }), 'idempotent', false, true],
    [new OndatoError('rate_limited', { status: 429 }), 'idempotent', false, true],
    [new OndatoError('timeout', { status: 408 }), 'idempotent', false, true],
    [new OndatoError('server', { status: 500 }), 'idempotent', false, false],
    [new OndatoError('not_found', { status: 404 }), 'idempotent', false, false],
    [new OndatoError('bad_response', { status: 200 }), 'idempotent', false, false],
    [new OndatoError('auth_failed', { status: 401 }), 'idempotent', false, false],
    // create: only a connection that never carried the request
    [new OndatoError('network'), 'unsent-only', true, true],
    [new OndatoError('network'), 'unsent-only', false, false],
    [new OndatoError('timeout'), 'unsent-only', false, false],
    [new OndatoError('server', { status: 503 }), 'unsent-only', false, false],
    [new OndatoError('rate_limited', { status: 429 }), 'unsent-only', false, false],
    [new OndatoError('network'), 'never', true, false],
  ];
  it.each(cases)('%s in mode %s (unsent %s) → %s', (error, mode, unsent, expected) => {
    expect(isRetriableFailure(error, mode, unsent)).toBe(expected);
  });
});

describe('decideRetry', () => {
  const policy = resolveRetryPolicy({
    maxAttempts: 3,
    baseDelayMs: 100,
    maxDelayMs: 1000,
    maxTotalDelayMs: 5000,
  });
  const base = { mode: 'idempotent' as const, unsent: false, spentMs: 0, policy, random: () => 0.5 };

  it('backs off, then stops after maxAttempts', () => {
    const error = new OndatoError('network');
    expect(decideRetry({ ...base, error, attempt: 1 })).toEqual({ retry: true, delayMs: 50 });
    expect(decideRetry({ ...base, error, attempt: 2 })).toEqual({ retry: true, delayMs: 100 });
    expect(decideRetry({ ...base, error, attempt: 3 })).toMatchObject({ retry: false });
  });

  it('waits exactly Retry-After when given, and gives up when it exceeds the cap', () => {
    const soon = new OndatoError('rate_limited', { status: 429, retryAfterMs: 2000 });
    expect(decideRetry({ ...base, error: soon, attempt: 1 })).toEqual({ retry: true, delayMs: 2000 });
    const late = new OndatoError('rate_limited', { status: 429, retryAfterMs: 61_000 });
    expect(decideRetry({ ...base, error: late, attempt: 1, policy: DEFAULT_RETRY_POLICY })).toEqual({
      retry: false,
      reason: 'retry-after too long',
    });
  });

  it('never exceeds the total delay budget', () => {
    const error = new OndatoError('rate_limited', { status: 429, retryAfterMs: 3000 });
    expect(decideRetry({ ...base, error, attempt: 1, spentMs: 0 })).toMatchObject({ retry: true });
    expect(decideRetry({ ...base, error, attempt: 2, spentMs: 3000 })).toEqual({
      retry: false,
      reason: 'delay budget exhausted',
    });
  });

  it('sanitises a bad policy', () => {
    expect(resolveRetryPolicy({ maxAttempts: 0, baseDelayMs: -1, maxDelayMs: Number.NaN })).toMatchObject({
      maxAttempts: 1,
      baseDelayMs: DEFAULT_RETRY_POLICY.baseDelayMs,
      maxDelayMs: DEFAULT_RETRY_POLICY.maxDelayMs,
    });
  });
});
