import { describe, expect, it } from 'vitest';
import {
  addDays,
  ageOn,
  daysBetween,
  formatDate,
  isoDate,
  parseDate,
} from '../../../src/shared/domain/dates';

describe('parseDate', () => {
  it.each([
    ['1990-05-17', { year: 1990, month: 5, day: 17 }],
    ['1990-05-17T00:00:00Z', { year: 1990, month: 5, day: 17 }],
    ['1990-05-17T23:59:59.999+02:00', { year: 1990, month: 5, day: 17 }],
    ['17.05.1990', { year: 1990, month: 5, day: 17 }],
    ['7.5.1990', { year: 1990, month: 5, day: 7 }],
    [' 2000-02-29 ', { year: 2000, month: 2, day: 29 }],
  ])('reads %s', (text, expected) => {
    expect(parseDate(text)).toEqual(expected);
  });

  it.each([
    '',
    '1990-02-30',
    '31.02.2000',
    '1900-02-29',
    '2023-13-01',
    '1990/05/17',
    'yesterday',
    '0000-01-01',
  ])('rejects %j', (text) => {
    expect(parseDate(text)).toBeNull();
  });

  it('handles null and undefined', () => {
    expect(parseDate(null)).toBeNull();
    expect(parseDate(undefined)).toBeNull();
  });

  it('formats unambiguously', () => {
    expect(formatDate({ year: 1990, month: 5, day: 7 })).toBe('7 May 1990');
  });
});

describe('ageOn', () => {
  it('counts the birthday itself', () => {
    expect(ageOn({ year: 2007, month: 6, day: 15 }, { year: 2025, month: 6, day: 15 })).toBe(18);
    expect(ageOn({ year: 2007, month: 6, day: 16 }, { year: 2025, month: 6, day: 15 })).toBe(17);
    expect(ageOn({ year: 2007, month: 7, day: 1 }, { year: 2025, month: 6, day: 30 })).toBe(17);
  });

  it('turns a 29 February birthday on 1 March in common years', () => {
    const birth = { year: 2008, month: 2, day: 29 };
    expect(ageOn(birth, { year: 2026, month: 2, day: 28 })).toBe(17);
    expect(ageOn(birth, { year: 2026, month: 3, day: 1 })).toBe(18);
  });
});

describe('calendar arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays({ year: 2024, month: 2, day: 28 }, 1)).toEqual({ year: 2024, month: 2, day: 29 });
    expect(addDays({ year: 2025, month: 2, day: 28 }, 1)).toEqual({ year: 2025, month: 3, day: 1 });
    expect(addDays({ year: 2025, month: 12, day: 31 }, 30)).toEqual({ year: 2026, month: 1, day: 30 });
    expect(addDays({ year: 2025, month: 3, day: 1 }, -1)).toEqual({ year: 2025, month: 2, day: 28 });
  });

  it('counts days between two dates', () => {
    expect(daysBetween({ year: 2026, month: 3, day: 1 }, { year: 2026, month: 3, day: 31 })).toBe(30);
    expect(daysBetween({ year: 2026, month: 3, day: 31 }, { year: 2026, month: 3, day: 1 })).toBe(-30);
  });

  it('writes ISO dates with padding', () => {
    expect(isoDate({ year: 990, month: 5, day: 7 })).toBe('0990-05-07');
  });
});

describe('minorNotice (new-case form)', () => {
  it('warns for a customer under 18 on the day, not on the 18th birthday', async () => {
    const { minorNotice } = await import('../../../src/shared/validation/registration');
    expect(minorNotice('2008-12-02', '2026-12-01')).toMatch(/is 17 today, under 18/);
    expect(minorNotice('2008-12-01', '2026-12-01')).toBeNull();
    expect(minorNotice('not a date', '2026-12-01')).toBeNull();
    expect(minorNotice('2030-01-01', '2026-12-01')).toBeNull();
  });
});
