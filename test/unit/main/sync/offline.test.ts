import { describe, expect, it } from 'vitest';
import { Connectivity } from '../../../../src/main/sync/offline';

const options = { threshold: 3, probeMin: 5_000, probeMax: 300_000 };

describe('Connectivity (the offline state machine)', () => {
  it('goes offline only after `threshold` consecutive network failures', () => {
    const c = new Connectivity({ ...options, random: () => 0.5 });
    expect(c.networkFailure(1_000)).toBe(false);
    expect(c.networkFailure(2_000)).toBe(false);
    expect(c.state).toBe('online');
    expect(c.networkFailure(3_000)).toBe(true);
    expect(c.state).toBe('offline');
    expect(c.offlineSince).toBe(3_000);
    // Further failures neither re-announce nor move offlineSince.
    expect(c.networkFailure(4_000)).toBe(false);
    expect(c.offlineSince).toBe(3_000);
  });

  it('any answer resets the count: failures must be consecutive', () => {
    const c = new Connectivity({ ...options, random: () => 0.5 });
    c.networkFailure(1);
    c.networkFailure(2);
    expect(c.reached()).toBe(false);
    c.networkFailure(3);
    c.networkFailure(4);
    expect(c.state).toBe('online');
    expect(c.networkFailure(5)).toBe(true);
  });

  it('comes back online on the first answer', () => {
    const c = new Connectivity({ ...options, random: () => 0.5 });
    for (let i = 0; i < 3; i += 1) c.networkFailure(i);
    expect(c.reached()).toBe(true);
    expect(c.state).toBe('online');
    expect(c.offlineSince).toBeNull();
    expect(c.consecutiveFailures).toBe(0);
  });

  it('probes with waits doubling from min to max', () => {
    const c = new Connectivity({ ...options, random: () => 0.5 });
    for (let i = 0; i < 3; i += 1) c.networkFailure(i);
    const delays = Array.from({ length: 9 }, () => c.nextProbeDelay());
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000, 300_000]);
  });

  it('jitters every wait within 75-125 % but never outside [min, max]', () => {
    const low = new Connectivity({ ...options, random: () => 0 });
    const high = new Connectivity({ ...options, random: () => 0.999999 });
    const lows = Array.from({ length: 8 }, () => low.nextProbeDelay());
    const highs = Array.from({ length: 8 }, () => high.nextProbeDelay());
    expect(lows.slice(0, 3)).toEqual([5_000, 7_500, 15_000]);
    expect(highs.slice(0, 3)).toEqual([6_250, 12_500, 25_000]);
    for (const d of [...lows, ...highs]) {
      expect(d).toBeGreaterThanOrEqual(options.probeMin);
      expect(d).toBeLessThanOrEqual(options.probeMax);
    }
  });

  it('starts the probe backoff over after a recovery', () => {
    const c = new Connectivity({ ...options, random: () => 0.5 });
    for (let i = 0; i < 3; i += 1) c.networkFailure(i);
    c.nextProbeDelay();
    c.nextProbeDelay();
    c.reached();
    for (let i = 0; i < 3; i += 1) c.networkFailure(i);
    expect(c.nextProbeDelay()).toBe(5_000);
  });
});
