import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../../src/main/sync/rate-limiter';

describe('RateLimiter', () => {
  it('allows a burst, then one request per 1/rate seconds', () => {
    let t = 0;
    const limiter = new RateLimiter(5, 2, () => t);
    expect(limiter.tryTake().ok).toBe(true);
    expect(limiter.tryTake().ok).toBe(true);
    expect(limiter.tryTake()).toEqual({ ok: false, waitMs: 200 });
    t += 200;
    expect(limiter.tryTake().ok).toBe(true);
    expect(limiter.tryTake().ok).toBe(false);
  });

  it('holds every request back until a Retry-After pause ends', () => {
    let t = 0;
    const limiter = new RateLimiter(5, 5, () => t);
    limiter.pauseUntil(3_000);
    expect(limiter.tryTake()).toEqual({ ok: false, waitMs: 3_000 });
    t = 3_000;
    expect(limiter.tryTake().ok).toBe(true);
  });

  it('counts no more than rate × time over a long run', () => {
    let t = 0;
    const limiter = new RateLimiter(5, 5, () => t);
    let taken = 0;
    for (; t <= 10_000; t += 10) if (limiter.tryTake().ok) taken += 1;
    expect(taken).toBeLessThanOrEqual(5 + 50);
    expect(taken).toBeGreaterThanOrEqual(50);
  });
});
