import { describe, expect, it } from 'vitest';
import type { RegistrationData } from '../../../src/shared/domain/case';
import {
  compareCase,
  type ComparisonRow,
  type FieldKey,
  type Segment,
} from '../../../src/shared/domain/compare';
import { compareCode, compareDateText, compareName } from '../../../src/shared/domain/compare-fields';
import type { JsonObject } from '../../../src/shared/domain/json';

const TODAY = new Date(2025, 5, 15, 12);

function row(reg: RegistrationData, doc: JsonObject, key: FieldKey): ComparisonRow {
  const found = compareCase(reg, { document: doc }, TODAY).rows.find((r) => r.key === key);
  if (!found) throw new Error(`no row ${key}`);
  return found;
}

/** The segments with the differing ones in brackets: "Zemait[is]". */
const marked = (segments: readonly Segment[]): string =>
  segments.map((s) => (s.differs ? `[${s.text}]` : s.text)).join('');

describe('names: how a match was reached', () => {
  it('calls the same letters an exact match, whatever the case, spacing or hyphens', () => {
    expect(compareName('Anne-Marie  Dubois', 'ANNE MARIE DUBOIS')).toMatchObject({
      verdict: 'match',
      kind: 'exact',
      note: null,
    });
  });

  it('says a match ignoring accents, with both values', () => {
    expect(compareName('Žydrūnas', 'ZYDRUNAS')).toMatchObject({
      verdict: 'match',
      kind: 'accents',
      note: 'Matches ignoring accents: Žydrūnas / ZYDRUNAS',
    });
    // Letters of their own fold too: Ł, Ø, ß, Æ, Đ, Þ.
    for (const [a, b] of [
      ['Łukasz', 'LUKASZ'],
      ['Søren', 'SOREN'],
      ['Strauß', 'STRAUSS'],
      ['Ærø', 'AERO'],
      ['Đorđević', 'DORDEVIC'],
      ['Þórunn', 'THORUNN'],
    ] as const) {
      expect(compareName(a, b).kind, `${a} / ${b}`).toBe('accents');
    }
  });

  it('recognises the ICAO 9303 Latin forms as a transliteration and names the letters', () => {
    expect(compareName('Müller', 'MUELLER')).toMatchObject({
      verdict: 'match',
      kind: 'transliterated',
      note: 'Matches as transliterated (ICAO 9303: Ü → UE): Müller / MUELLER',
    });
    for (const [a, b] of [
      ['Ørsted', 'OERSTED'],
      ['Ångström', 'AANGSTROEM'],
      ['Jäätteenmäki', 'JAEAETTEENMAEKI'],
      ['MUELLER', 'Müller'],
    ] as const) {
      expect(compareName(a, b).kind, `${a} / ${b}`).toBe('transliterated');
    }
  });

  it('recognises Cyrillic and Greek written in Latin letters', () => {
    const cyrillic = compareName('Юлия Щербакова', 'IULIIA SHCHERBAKOVA');
    expect(cyrillic).toMatchObject({ verdict: 'match', kind: 'transliterated' });
    expect(cyrillic.note).toMatch(
      /^Matches as transliterated \(Cyrillic written in Latin letters, ICAO 9303\)/,
    );
    // National variants passports also print: Ukrainian Г → H, Я → YA.
    expect(compareName('Ганна', 'HANNA').kind).toBe('transliterated');
    expect(compareName('Яна', 'YANA').kind).toBe('transliterated');
    expect(compareName('Жанна', 'ZHANNA').kind).toBe('transliterated');
    const greek = compareName('Γεώργιος Παπαδόπουλος', 'GEORGIOS PAPADOPOULOS');
    expect(greek).toMatchObject({ verdict: 'match', kind: 'transliterated' });
    expect(greek.note).toMatch(/Greek written in Latin letters/);
    expect(compareName('Ευάγγελος', 'EVANGELOS').kind).toBe('transliterated');
  });

  it('does not let transliteration make different names match', () => {
    expect(compareName('Иванов', 'IVANOVA').verdict).toBe('mismatch');
    expect(compareName('Müller', 'MILLER').verdict).toBe('mismatch');
    expect(compareName('Jon', 'John').verdict).toBe('mismatch');
  });

  it('marks the letters that differ, on the values as displayed', () => {
    const diff = compareName('Zemaitis', 'ŽEMAITĖ').diff!;
    expect(marked(diff.entered)).toBe('Zemait[is]');
    expect(marked(diff.document)).toBe('ŽEMAIT[Ė]');
    expect(diff.summary).toBe('Differs — entered: “is”; document: “Ė”.');
  });

  it('marks an extra letter on one side only, and a space as a space', () => {
    const extra = compareName('Иванов', 'IVANOVA').diff!;
    expect(marked(extra.entered)).toBe('Иванов');
    expect(marked(extra.document)).toBe('IVANOV[A]');
    expect(extra.summary).toBe('Differs — entered: nothing extra; document: “A”.');
    const space = compareName('Mary Ann', 'Maryann').diff!;
    expect(marked(space.entered)).toBe('Mary[ ]Ann');
    expect(space.summary).toMatch(/entered: a space/);
  });

  it('marks a wholly different name as a whole, not the letters it shares by chance', () => {
    const diff = compareName('Šimkutė', 'Παπαδοπούλου').diff!;
    expect(marked(diff.entered)).toBe('[Šimkutė]');
    expect(marked(diff.document)).toBe('[Παπαδοπούλου]');
  });

  it('marks whole spelled-out letters, not half of them', () => {
    const diff = compareName('Müller', 'MUELLAR').diff!;
    expect(marked(diff.entered)).toBe('Müll[e]r');
    expect(marked(diff.document)).toBe('MUELL[A]R');
  });
});

describe('dates and codes as values', () => {
  it('matches one date written three ways and says so', () => {
    expect(compareDateText('1990-01-05', '05.01.1990')).toMatchObject({
      verdict: 'match',
      kind: 'same-date',
      note: 'Same date written differently: 1990-01-05 / 05.01.1990',
    });
    expect(compareDateText('1990-1-5', '1990-01-05').kind).toBe('same-date');
    expect(compareDateText('1990-01-05', '1990-01-05')).toMatchObject({ kind: 'exact', note: null });
  });

  it('names the part of a date that differs and marks it', () => {
    const r = compareDateText('1990-05-17', '1990-05-18');
    expect(r).toMatchObject({ verdict: 'mismatch', note: 'Different day' });
    expect(marked(r.diff!.entered)).toBe('1[7] May 1990');
    expect(compareDateText('1990-01-05', '1990-05-01').note).toBe('Day and month swapped');
    expect(compareDateText('1990-01-05', '1991-02-05').note).toBe('Different month and year');
  });

  it('compares personal codes without spaces, dashes or case', () => {
    expect(compareCode('490051-71234', '49005171234')).toMatchObject({
      verdict: 'match',
      kind: 'same-code',
      note: 'Same code written differently: 490051-71234 / 49005171234',
    });
    expect(compareCode('ab 12 34', 'AB-1234').kind).toBe('same-code');
    expect(compareCode('49005171234', '49005171234').kind).toBe('exact');
    const r = compareCode('490051-71234', '49005171235');
    expect(r.verdict).toBe('mismatch');
    expect(marked(r.diff!.entered)).toBe('490051-7123[4]');
    expect(marked(r.diff!.document)).toBe('4900517123[5]');
  });
});

describe('caveats: a match Ondato could not confirm is never a clean match', () => {
  const REG: RegistrationData = { firstName: 'Rūta', lastName: 'Žemaitė', dateOfBirth: '1990-05-17' };
  const DOC: JsonObject = {
    firstName: 'RUTA',
    lastName: 'ZEMAITE',
    dateOfBirth: '17.05.1990',
    type: 'IdCard',
    mrzVerified: true,
  };

  it('puts a caveat on a match whose field Ondato could not validate', () => {
    const r = row(REG, { ...DOC, ocrValidations: [{ key: 'LastName', isValid: false }] }, 'lastName');
    expect(r).toMatchObject({ verdict: 'match', ocr: 'invalid', ocrInvalid: true });
    expect(r.caveat).toEqual({
      code: 'ocr-invalid',
      text: 'Matches — but Ondato could not validate this field on the document',
    });
  });

  it('puts a caveat on a match Ondato gave no result for', () => {
    const r = row(REG, { ...DOC, ocrValidations: [{ key: 'DateOfBirth', isValid: null }] }, 'dateOfBirth');
    expect(r).toMatchObject({ verdict: 'match', ocr: 'unknown', caveat: { code: 'ocr-unknown' } });
  });

  it('puts a caveat on MRZ fields when the MRZ could not be verified, but not for a driving licence', () => {
    expect(row(REG, { ...DOC, mrzVerified: false }, 'firstName').caveat?.code).toBe('mrz-unverified');
    expect(row(REG, { ...DOC, mrzVerified: false, type: 'DriverLicense' }, 'firstName').caveat).toBeNull();
  });

  it('leaves clean matches, mismatches and missing values without a caveat, and counts caveats', () => {
    const result = compareCase(
      REG,
      {
        document: {
          ...DOC,
          lastName: 'PETRAITE',
          ocrValidations: [
            { key: 'FirstName', isValid: true },
            { key: 'LastName', isValid: false },
            { key: 'DateOfBirth', isValid: false },
          ],
        },
      },
      TODAY,
    );
    const by = (key: FieldKey) => result.rows.find((r) => r.key === key)!;
    expect(by('firstName').caveat).toBeNull();
    expect(by('lastName')).toMatchObject({ verdict: 'mismatch', caveat: null, ocrInvalid: true });
    expect(by('dateOfBirth').caveat?.code).toBe('ocr-invalid');
    // Missing: the document number and the dates of issue and expiry were not read.
    expect(result.counts).toEqual({ match: 2, mismatch: 1, missing: 3, caveat: 1 });
  });

  it('takes the worst result for a field Ondato lists twice', () => {
    const r = row(
      REG,
      {
        ...DOC,
        ocrValidations: [
          { key: 'LastName', isValid: false },
          { key: 'last_name', isValid: true },
        ],
      },
      'lastName',
    );
    expect(r.ocr).toBe('invalid');
  });
});
