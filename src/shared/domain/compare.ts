import type { RegistrationData } from './case';
import {
  compareCode,
  compareDateText,
  compareName,
  matched,
  nameMatchKind,
  presence,
  result,
  type Compared,
  type MatchKind,
  type Verdict,
} from './compare-fields';
import { ocrStates, ocrValidationsOf, textOf, type OcrState } from './compare-ocr';
import { iso2Of, iso3Of } from './countries';
import { countryName } from './country-names';
import { ageOn, calendarDate, compareDates, formatDate, parseDate, type CalendarDate } from './dates';
import type { JsonObject } from './json';
import type { TextDiff } from './text-diff';

/*
 * What the officer entered against what Ondato read from the document. Pure functions, no React: the
 * review screen, main's decision guard, the CLI and the evidence export all read the same result.
 */

export type { MatchKind, Verdict } from './compare-fields';
export type { Segment, TextDiff } from './text-diff';
export {
  fieldOfOcrKey,
  ocrValidationsOf,
  rulesOf,
  textOf,
  type KycRule,
  type OcrState,
  type OcrValidation,
} from './compare-ocr';

export type FieldKey =
  | 'firstName'
  | 'middleName'
  | 'lastName'
  | 'dateOfBirth'
  | 'personalCode'
  | 'nationality'
  | 'documentNumber'
  | 'dateOfIssue'
  | 'dateOfExpiration';

/**
 * Why a match must not be read as a clean one: Ondato could not validate the field (its OCR said not
 * valid), gave no result for it, or could not verify the document's machine-readable zone.
 */
export interface Caveat {
  code: 'ocr-invalid' | 'ocr-unknown' | 'mrz-unverified';
  text: string;
}

export interface ComparisonRow {
  key: FieldKey;
  label: string;
  /** What the officer entered, formatted for display; null when not entered. */
  entered: string | null;
  /** What Ondato read from the document, formatted for display; null when not read. */
  document: string | null;
  verdict: Verdict;
  /** How a match was reached; null unless the verdict is match. */
  kind: MatchKind | null;
  /** A short explanation shown under the verdict (e.g. "Matches ignoring accents: Rūta / RUTA"). */
  note: string | null;
  /** For a mismatch, which characters of the displayed values differ (and the same in words). */
  diff: TextDiff | null;
  /** For a match Ondato itself could not confirm: the reason it is not a clean match. */
  caveat: Caveat | null;
  ocr: OcrState;
  /** Ondato's OCR marked this field as not valid (`ocrValidations[].isValid === false`). */
  ocrInvalid: boolean;
}

export interface AgeCheck {
  years: number;
  under18: boolean;
  source: 'document' | 'registration';
}

export interface ExpiryCheck {
  date: CalendarDate;
  expired: boolean;
}

export interface Comparison {
  rows: ComparisonRow[];
  /** The case has the officer's registration (false for cases discovered upstream). */
  hasRegistration: boolean;
  /** Ondato has read a document (false until the customer submits). */
  hasDocument: boolean;
  expiry: ExpiryCheck | null;
  age: AgeCheck | null;
  /** OCR keys Ondato marked invalid that are not one of the rows (Gender, Address, unknown keys), raw. */
  otherOcrFailures: string[];
  /** `caveat`: matches that carry a caveat (also counted as matches). */
  counts: { match: number; mismatch: number; missing: number; caveat: number };
}

/** The `document` object of a KYC identification payload, when there is one. */
export function documentOf(payload: JsonObject | null | undefined): JsonObject | null {
  const document = payload?.document;
  return document && typeof document === 'object' && !Array.isArray(document) ? document : null;
}

function displayDate(text: string | null): string | null {
  if (text === null) return null;
  const date = parseDate(text);
  return date ? formatDate(date) : text;
}

function displayCountry(code: string | null): string | null {
  if (code === null) return null;
  const name = countryName(code);
  return name ? `${code.toUpperCase()} (${name})` : code;
}

/** Entered alpha-2 country against the document's nationality (alpha-3), or its issuing country. */
function compareCountry(entered: string | null, nationality: string | null, issuer: string | null): Compared {
  const document = nationality ?? issuer;
  const missing = presence(entered, document);
  if (missing) return missing;
  const wanted = iso3Of(entered!) ?? entered!.toUpperCase();
  const same = (code: string | null): boolean =>
    code !== null && (code.toUpperCase() === wanted || iso2Of(code) === entered!.toUpperCase());
  if (same(nationality)) return matched('exact');
  if (same(issuer)) return matched('issuing-country', 'Matches the issuing country, not the nationality');
  return result('mismatch');
}

// Fields the machine-readable zone carries: an unverified MRZ weakens a match on these.
const MRZ_FIELDS = new Set<FieldKey>([
  'firstName',
  'middleName',
  'lastName',
  'dateOfBirth',
  'personalCode',
  'nationality',
]);

function caveatOf(key: FieldKey, verdict: Verdict, ocr: OcrState, doc: JsonObject | null): Caveat | null {
  if (verdict !== 'match') return null;
  if (ocr === 'invalid')
    return {
      code: 'ocr-invalid',
      text: 'Matches — but Ondato could not validate this field on the document',
    };
  if (ocr === 'unknown')
    return { code: 'ocr-unknown', text: 'Matches — but Ondato gave no validation result for this field' };
  // A driving licence has no MRZ: "not verified" there says nothing about the data.
  if (MRZ_FIELDS.has(key) && doc?.mrzVerified === false && textOf(doc.type) !== 'DriverLicense')
    return {
      code: 'mrz-unverified',
      text: "Matches — but Ondato could not verify the document's machine-readable zone (MRZ)",
    };
  return null;
}

export function compareCase(
  registration: RegistrationData | null,
  payload: JsonObject | null | undefined,
  now: Date = new Date(),
): Comparison {
  const doc = documentOf(payload);
  const reg = registration ?? {};
  const entered = (value: unknown): string | null =>
    typeof value === 'string' || typeof value === 'number' ? textOf(value) : null;
  const read = (key: string): string | null => (doc ? textOf(doc[key]) : null);
  const { states, otherFailures } = ocrStates(ocrValidationsOf(doc));

  const row = (
    key: FieldKey,
    label: string,
    shown: { entered: string | null; document: string | null },
    compared: Compared,
  ): ComparisonRow => {
    const ocr = states.get(key) ?? 'not-reported';
    return {
      key,
      label,
      ...shown,
      ...compared,
      caveat: doc ? caveatOf(key, compared.verdict, ocr, doc) : null,
      ocr,
      ocrInvalid: ocr === 'invalid',
    };
  };

  const given = (first: string | null, middle: string | null): string =>
    [first, middle].filter(Boolean).join(' ');
  const firstEntered = entered(reg.firstName);
  const firstRead = read('firstName');
  const givenEntered = given(firstEntered, entered(reg.middleName));
  const givenRead = given(firstRead, read('middleName'));
  const givenNamesTogether =
    (firstEntered !== null || firstRead !== null) &&
    givenEntered !== '' &&
    givenRead !== '' &&
    nameMatchKind(givenEntered, givenRead) !== null;

  const nameRow = (key: 'firstName' | 'middleName' | 'lastName', label: string): ComparisonRow => {
    const a = entered(reg[key]);
    const b = read(key);
    let compared = compareName(a, b);
    if (
      key !== 'lastName' &&
      compared.verdict !== 'match' &&
      compared.verdict !== 'absent' &&
      givenNamesTogether
    )
      compared = matched('given-names-together', 'Matches when first and middle names are read together');
    return row(key, label, { entered: a, document: b }, compared);
  };

  const documentOnly = (
    key: FieldKey,
    label: string,
    format: (v: string | null) => string | null = (v) => v,
  ): ComparisonRow => {
    const b = read(key);
    return row(
      key,
      label,
      { entered: null, document: format(b) },
      b === null ? result('missing', 'Not read from the document') : result('document-only'),
    );
  };

  const birthEntered = entered(reg.dateOfBirth);
  const birthRead = read('dateOfBirth');
  const codeEntered = entered(reg.personalCode);
  const codeRead = read('personalCode');
  const countryEntered = entered(reg.countryCode);
  const nationality = read('nationalityIso3');
  const issuer = read('countryIso3');

  const rows: ComparisonRow[] = [
    nameRow('firstName', 'First name'),
    nameRow('middleName', 'Middle name'),
    nameRow('lastName', 'Last name'),
    row(
      'dateOfBirth',
      'Date of birth',
      { entered: displayDate(birthEntered), document: displayDate(birthRead) },
      compareDateText(birthEntered, birthRead),
    ),
    row(
      'personalCode',
      'Personal code',
      { entered: codeEntered, document: codeRead },
      compareCode(codeEntered, codeRead),
    ),
    row(
      'nationality',
      'Nationality / country',
      {
        entered: displayCountry(countryEntered),
        document:
          nationality !== null && issuer !== null && nationality.toUpperCase() !== issuer.toUpperCase()
            ? `${displayCountry(nationality)}; issued by ${displayCountry(issuer)}`
            : displayCountry(nationality ?? issuer),
      },
      compareCountry(countryEntered, nationality, issuer),
    ),
    documentOnly('documentNumber', 'Document number'),
    documentOnly('dateOfIssue', 'Date of issue', displayDate),
    documentOnly('dateOfExpiration', 'Date of expiry', displayDate),
  ];

  for (const r of rows) {
    // Without a registration nothing was "not entered": the document's values simply stand alone.
    if (!registration && r.verdict === 'missing' && r.note === 'Not entered')
      Object.assign(r, result('document-only'));
    // Nothing is missing yet: the customer has not submitted a document.
    if (!doc && r.verdict !== 'absent') Object.assign(r, result('waiting'));
  }

  const today = calendarDate(now);
  const expiryDate = parseDate(read('dateOfExpiration'));
  const expiry = expiryDate ? { date: expiryDate, expired: compareDates(expiryDate, today) < 0 } : null;

  const documentBirth = parseDate(birthRead);
  const enteredBirth = parseDate(birthEntered);
  const birth = documentBirth ?? enteredBirth;
  let age: AgeCheck | null = null;
  if (birth) {
    const years = ageOn(birth, today);
    age = { years, under18: years < 18, source: documentBirth ? 'document' : 'registration' };
  }

  const counts = { match: 0, mismatch: 0, missing: 0, caveat: 0 };
  for (const r of rows) {
    if (r.verdict === 'match' || r.verdict === 'mismatch' || r.verdict === 'missing') counts[r.verdict] += 1;
    if (r.caveat) counts.caveat += 1;
  }

  return {
    rows,
    hasRegistration: registration !== null,
    hasDocument: doc !== null,
    expiry,
    age,
    otherOcrFailures: otherFailures,
    counts,
  };
}
