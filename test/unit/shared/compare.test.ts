import { describe, expect, it } from 'vitest';
import type { RegistrationData } from '../../../src/shared/domain/case';
import {
  compareCase,
  fieldOfOcrKey,
  type ComparisonRow,
  type FieldKey,
} from '../../../src/shared/domain/compare';
import { iso2Of, iso3Of } from '../../../src/shared/domain/countries';
import { countryName } from '../../../src/shared/domain/country-names';
import type { JsonObject } from '../../../src/shared/domain/json';

// Local noon, so the officer's calendar day is unambiguous whatever the test machine's time zone.
const on = (year: number, month: number, day: number): Date => new Date(year, month - 1, day, 12, 0, 0);
const TODAY = on(2025, 6, 15);

const REG: RegistrationData = {
  firstName: 'Ruta',
  lastName: 'Zemaite',
  dateOfBirth: '1990-05-17',
  personalCode: '49005171234',
  countryCode: 'LT',
};

const DOC: JsonObject = {
  firstName: 'Rūta',
  lastName: 'ŽEMAITĖ',
  dateOfBirth: '17.05.1990',
  personalCode: '490051-71234',
  documentNumber: 'LT1234567',
  dateOfIssue: '2020-01-10T00:00:00Z',
  dateOfExpiration: '2030-01-10',
  nationalityIso3: 'LTU',
  countryIso3: 'LTU',
};

function row(rows: ComparisonRow[], key: FieldKey): ComparisonRow {
  const found = rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

function compare(reg: RegistrationData | null, doc: JsonObject | null, now = TODAY, extra: JsonObject = {}) {
  return compareCase(reg, doc ? { document: doc, ...extra } : extra, now);
}

describe('compareCase: rows', () => {
  it('matches names across case and diacritics, dates across formats, codes across separators', () => {
    const { rows, counts } = compare(REG, DOC);
    expect(row(rows, 'firstName').verdict).toBe('match');
    expect(row(rows, 'lastName').verdict).toBe('match');
    expect(row(rows, 'dateOfBirth')).toMatchObject({
      verdict: 'match',
      entered: '17 May 1990',
      document: '17 May 1990',
    });
    expect(row(rows, 'personalCode').verdict).toBe('match');
    expect(row(rows, 'nationality').verdict).toBe('match');
    expect(counts.mismatch).toBe(0);
  });

  it('says when a name matches only ignoring accents', () => {
    const { rows } = compare(REG, DOC);
    expect(row(rows, 'firstName')).toMatchObject({
      verdict: 'match',
      kind: 'accents',
      note: 'Matches ignoring accents: Ruta / Rūta',
    });
    expect(row(compare({ lastName: 'Žemaitė' }, DOC).rows, 'lastName').note).toBeNull();
  });

  it('flags a different name and a different date as mismatches', () => {
    const { rows, counts } = compare(REG, { ...DOC, lastName: 'Zemaitis', dateOfBirth: '1990-05-18' });
    expect(row(rows, 'lastName').verdict).toBe('mismatch');
    expect(row(rows, 'dateOfBirth').verdict).toBe('mismatch');
    expect(counts.mismatch).toBe(2);
  });

  it('compares dates as dates: the same day written three ways matches', () => {
    for (const written of ['1990-05-17', '1990-05-17T00:00:00.000Z', '17.05.1990']) {
      expect(
        row(compare({ dateOfBirth: '17.05.1990' }, { dateOfBirth: written }).rows, 'dateOfBirth').verdict,
      ).toBe('match');
    }
  });

  it('compares unreadable dates as text and says so', () => {
    const r = row(compare({ dateOfBirth: '1990-05-17' }, { dateOfBirth: 'May 1990' }).rows, 'dateOfBirth');
    expect(r.verdict).toBe('mismatch');
    expect(r.document).toBe('May 1990');
    expect(r.note).toMatch(/compared as text/);
  });

  it('says which side is missing a value', () => {
    const { rows } = compare({ ...REG, middleName: null }, { ...DOC, middleName: 'Ona', personalCode: null });
    expect(row(rows, 'middleName')).toMatchObject({
      verdict: 'missing',
      note: 'Not entered',
      document: 'Ona',
    });
    expect(row(rows, 'personalCode')).toMatchObject({
      verdict: 'missing',
      note: 'Not read from the document',
    });
  });

  it('treats blank strings as missing and a value absent on both sides as absent', () => {
    const { rows, counts } = compare({ ...REG, middleName: '  ' }, { ...DOC, middleName: '' });
    expect(row(rows, 'middleName').verdict).toBe('absent');
    expect(counts.missing).toBe(0);
  });

  it('matches given names split differently between first and middle name', () => {
    const { rows } = compare(
      { ...REG, firstName: 'Ruta Ona' },
      { ...DOC, firstName: 'RŪTA', middleName: 'ONA' },
    );
    expect(row(rows, 'firstName')).toMatchObject({
      verdict: 'match',
      note: expect.stringMatching(/read together/),
    });
    expect(row(rows, 'middleName').verdict).toBe('match');
  });

  it('accepts numbers where Ondato sends them', () => {
    expect(row(compare(REG, { ...DOC, personalCode: 49005171234 }).rows, 'personalCode').verdict).toBe(
      'match',
    );
  });

  it('compares the entered country with the nationality, or else the issuing country', () => {
    expect(row(compare({ countryCode: 'lv' }, DOC).rows, 'nationality').verdict).toBe('mismatch');
    const issuer = row(
      compare({ countryCode: 'LV' }, { nationalityIso3: 'LTU', countryIso3: 'LVA' }).rows,
      'nationality',
    );
    expect(issuer).toMatchObject({ verdict: 'match', note: expect.stringMatching(/issuing country/) });
    expect(issuer.document).toContain('issued by');
    expect(row(compare({ countryCode: 'DE' }, { nationalityIso3: 'D' }).rows, 'nationality').verdict).toBe(
      'match',
    );
  });

  it('shows fields only the document has without calling them missing', () => {
    const { rows } = compare(REG, DOC);
    expect(row(rows, 'documentNumber')).toMatchObject({
      verdict: 'document-only',
      document: 'LT1234567',
      entered: null,
    });
    expect(row(rows, 'dateOfIssue').document).toBe('10 Jan 2020');
    expect(row(compare(REG, { ...DOC, documentNumber: null }).rows, 'documentNumber').verdict).toBe(
      'missing',
    );
  });

  it('does not call values missing when the case has no registration at all', () => {
    const result = compare(null, DOC);
    expect(result.hasRegistration).toBe(false);
    expect(row(result.rows, 'firstName')).toMatchObject({ verdict: 'document-only', note: null });
    expect(result.counts.missing).toBe(0);
  });

  it('says no document was read yet before the customer submits', () => {
    const result = compareCase(REG, { status: 'Awaiting' }, TODAY);
    expect(result.hasDocument).toBe(false);
    expect(row(result.rows, 'firstName')).toMatchObject({ verdict: 'waiting', note: null, entered: 'Ruta' });
    expect(row(result.rows, 'middleName').verdict).toBe('absent');
    expect(result.counts).toEqual({ match: 0, mismatch: 0, missing: 0, caveat: 0 });
    expect(compareCase(REG, null, TODAY).hasDocument).toBe(false);
  });

  it('ignores a document that is not an object', () => {
    expect(compareCase(REG, { document: 'oops' }, TODAY).hasDocument).toBe(false);
    expect(compareCase(REG, { document: [] }, TODAY).hasDocument).toBe(false);
  });
});

describe('compareCase: flags', () => {
  it('calls a document expired only after its expiry day', () => {
    const expiry = (date: string) => compare(REG, { ...DOC, dateOfExpiration: date }).expiry;
    expect(expiry('2025-06-14')).toMatchObject({ expired: true });
    expect(expiry('2025-06-15')).toMatchObject({ expired: false });
    expect(expiry('16.06.2025')).toMatchObject({ expired: false });
    expect(expiry('not a date')).toBeNull();
    expect(compare(REG, { ...DOC, dateOfExpiration: null }).expiry).toBeNull();
  });

  it('flags a holder under 18 from the document date of birth, up to the 18th birthday', () => {
    expect(compare(REG, { ...DOC, dateOfBirth: '2007-06-15' }).age).toEqual({
      years: 18,
      under18: false,
      source: 'document',
    });
    expect(compare(REG, { ...DOC, dateOfBirth: '2007-06-16' }).age).toEqual({
      years: 17,
      under18: true,
      source: 'document',
    });
  });

  it('uses the entered date of birth when the document has none', () => {
    const age = compare({ ...REG, dateOfBirth: '2010-01-01' }, { ...DOC, dateOfBirth: null }).age;
    expect(age).toEqual({ years: 15, under18: true, source: 'registration' });
    expect(compare({ firstName: 'A' }, { firstName: 'A' }).age).toBeNull();
  });

  it('prefers the document over the registration for age', () => {
    const age = compare({ ...REG, dateOfBirth: '2010-01-01' }, { ...DOC, dateOfBirth: '1990-05-17' }).age;
    expect(age?.under18).toBe(false);
    expect(age?.source).toBe('document');
  });

  it('puts failed OCR validations next to their field and keeps unknown keys raw', () => {
    const result = compare(REG, {
      ...DOC,
      ocrValidations: [
        { key: 'FirstName', isValid: false },
        { key: 'DateOfBirth', isValid: true },
        { key: 'DATE_OF_EXPIRATION', isValid: false },
        { key: 'Gender', isValid: false },
        { key: 'HologramCheck', isValid: false },
        { key: 'Nationality', isValid: null },
        { isValid: false },
        'junk',
      ],
    });
    expect(row(result.rows, 'firstName').ocrInvalid).toBe(true);
    expect(row(result.rows, 'dateOfBirth').ocrInvalid).toBe(false);
    expect(row(result.rows, 'dateOfExpiration').ocrInvalid).toBe(true);
    expect(row(result.rows, 'nationality').ocrInvalid).toBe(false);
    expect(result.otherOcrFailures).toEqual(['Gender', 'HologramCheck']);
  });

  it('maps OCR keys case-insensitively', () => {
    expect(fieldOfOcrKey('DocumentNumber')).toBe('documentNumber');
    expect(fieldOfOcrKey('dateofissue')).toBe('dateOfIssue');
    expect(fieldOfOcrKey('Address')).toBeNull();
  });
});

describe('countries', () => {
  it('converts between alpha-2 and alpha-3', () => {
    expect(iso3Of('lt')).toBe('LTU');
    expect(iso2Of('GBR')).toBe('GB');
    expect(iso3Of('ZZ')).toBeNull();
  });

  it('names countries by either code, and nothing for unknown codes', () => {
    expect(countryName('LTU')).toBe('Lithuania');
    expect(countryName('lt')).toBe('Lithuania');
    expect(countryName('QQQ')).toBeNull();
  });
});
