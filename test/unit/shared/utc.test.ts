import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isoToMs } from '../../../src/main/db/sql';
import { parseIsoUtc } from '../../../src/shared/domain/utc';

// The host's zone must not move Ondato's zone-less UTC times: run every case away from UTC.
let zone: string | undefined;
beforeEach(() => {
  zone = process.env.TZ;
  process.env.TZ = 'Europe/Vilnius';
});
afterEach(() => {
  if (zone === undefined) delete process.env.TZ;
  else process.env.TZ = zone;
});

describe('Ondato times', () => {
  const utc = Date.UTC(2022, 8, 29, 14, 40, 2, 113);

  it('reads a zone-less .NET time (seven fractional digits) as UTC', () => {
    expect(new Date('2022-09-29T14:40:02').getTimezoneOffset()).not.toBe(0);
    expect(parseIsoUtc('2022-09-29T14:40:02.1130000')).toBe(utc);
    expect(isoToMs('2022-09-29T14:40:02.1130000')).toBe(utc);
  });

  it('keeps an explicit zone', () => {
    expect(parseIsoUtc('2022-09-29T14:40:02.113Z')).toBe(utc);
    expect(parseIsoUtc('2022-09-29T17:40:02.113+03:00')).toBe(utc);
    expect(isoToMs('2022-09-29T17:40:02.113+0300')).toBe(utc);
  });

  it('refuses junk strictly, while the cache stays lenient about other date forms', () => {
    expect(parseIsoUtc('1')).toBeNull();
    expect(parseIsoUtc('May 1')).toBeNull();
    expect(parseIsoUtc(20220929)).toBeNull();
    expect(isoToMs('not a date')).toBeNull();
    expect(isoToMs('')).toBeNull();
    expect(isoToMs('Thu, 29 Sep 2022 14:40:02 GMT')).toBe(Date.UTC(2022, 8, 29, 14, 40, 2));
  });
});
