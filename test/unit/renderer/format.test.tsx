import { describe, expect, it } from 'vitest';
import { formatCount, formatNumber } from '../../../src/renderer/src/components/format';

describe('formatNumber', () => {
  it('writes whole numbers exactly as en-US does', () => {
    for (const n of [0, 7, 42, 999, 1000, 12_345, 100_000, 1_234_567, 987_654_321, -1, -1234, -100_000]) {
      expect(formatNumber(n)).toBe(n.toLocaleString('en-US'));
    }
    expect(formatCount(100_000, 'case', 'cases')).toBe('100,000 cases');
    expect(formatCount(1, 'case', 'cases')).toBe('1 case');
  });

  it('leaves fractions and huge numbers to Intl', () => {
    expect(formatNumber(1234.5)).toBe('1,234.5');
    expect(formatNumber(2 ** 60)).toBe((2 ** 60).toLocaleString('en-US'));
  });
});
