import { describe, expect, it } from 'vitest';
import { classify, failureBackoff, nextInterval, type CadenceInput } from '../../../../src/main/sync/cadence';

const now = 1_800_000_000_000;
const base: CadenceInput = {
  idvStatus: 'Pending',
  kycStatus: null,
  lastChangeAt: now,
  watchUntil: null,
  viewing: false,
  now,
};
const MIN = 60_000;

describe('cadence', () => {
  it('checks a customer in the flow every few seconds', () => {
    const { cls, interval } = nextInterval({
      ...base,
      idvStatus: 'InProgress',
      lastChangeAt: now - 10 * MIN,
    });
    expect(cls).toBe('in_flow');
    expect(interval).toBeLessThanOrEqual(10_000);
  });

  it('watches a new case closely, then backs a quiet Pending case off towards minutes', () => {
    expect(nextInterval({ ...base, watchUntil: now + MIN }).interval).toBe(8_000);
    const quietHour = nextInterval({ ...base, lastChangeAt: now - 60 * MIN });
    expect(quietHour.cls).toBe('pending');
    expect(quietHour.interval).toBe(6 * MIN);
    expect(nextInterval({ ...base, lastChangeAt: now - 3 * 24 * 60 * MIN }).interval).toBe(10 * MIN);
  });

  it('backs Completed/Awaiting off from tens of seconds towards minutes', () => {
    const fresh = nextInterval({ ...base, idvStatus: 'Completed', kycStatus: 'Awaiting' });
    expect(fresh).toEqual({ cls: 'awaiting', interval: 15_000 });
    const later = nextInterval({
      ...base,
      idvStatus: 'Completed',
      kycStatus: 'Awaiting',
      lastChangeAt: now - 4 * MIN,
    });
    expect(later.interval).toBe(2 * MIN);
    expect(
      nextInterval({ ...base, idvStatus: 'Completed', kycStatus: 'Awaiting', lastChangeAt: 0 }).interval,
    ).toBe(5 * MIN);
  });

  it('re-checks settled cases rarely, and the case on screen at once', () => {
    expect(classify({ ...base, idvStatus: 'Completed', kycStatus: 'Approved' })).toBe('settled');
    expect(classify({ ...base, idvStatus: 'Expired' })).toBe('settled');
    expect(nextInterval({ ...base, idvStatus: 'Aborted' }).interval).toBeGreaterThanOrEqual(6 * 60 * MIN);
    expect(nextInterval({ ...base, idvStatus: 'Aborted', viewing: true }).interval).toBeLessThanOrEqual(
      10_000,
    );
  });

  it('neither hammers nor forgets a status Ondato adds later', () => {
    const { cls, interval } = nextInterval({ ...base, idvStatus: 'UnderReview' });
    expect(cls).toBe('unknown');
    expect(interval).toBeGreaterThanOrEqual(MIN);
  });

  it('backs off exponentially with jitter after failures, bounded', () => {
    expect(failureBackoff(1, () => 0)).toBe(2_500);
    expect(failureBackoff(1, () => 1)).toBe(5_000);
    expect(failureBackoff(3, () => 1)).toBe(20_000);
    expect(failureBackoff(30, () => 1)).toBe(10 * MIN);
  });
});
