import type { RegistrationData } from './case';
import { iso2Of, iso3Of } from './countries';
import { countryName } from './country-names';
import { ageOn, calendarDate, compareDates, formatDate, parseDate, type CalendarDate } from './dates';
import type { JsonObject, JsonValue } from './json';
import { namesMatch, namesMatchOnlyFolded, normalizeCode, normalizeName } from './names';

/*
 * What the officer entered against what Ondato read from the document. Pure functions, no React: the
 * review screen, main's decision guard, the CLI and the evidence export all read the same result.
 */

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
 * match / mismatch: both sides hold a value. missing: one side lacks a value the other has.
 * absent: neither side has one. document-only: a field the officer never enters (document number, dates
 * of issue and expiry); nothing to compare. waiting: Ondato has not read a document yet.
 */
export type Verdict = 'match' | 'mismatch' | 'missing' | 'absent' | 'document-only' | 'waiting';

export interface ComparisonRow {
  key: FieldKey;
  label: string;
  /** What the officer entered, formatted for display; null when not entered. */
  entered: string | null;
  /** What Ondato read from the document, formatted for display; null when not read. */
  document: string | null;
  verdict: Verdict;
  /** A short explanation shown under the verdict (e.g. "Not on the document"). */
  note: string | null;
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
  counts: { match: number; mismatch: number; missing: number };
}

// ---------------------------------------------------------------------------------------------------
// Values

/** A JSON value as display text: strings trimmed (empty → null), numbers as written, anything else null. */
export function textOf(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') {
    const trimmed = value.trim();
    return trimmed === '' ? null : trimmed;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
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

// ---------------------------------------------------------------------------------------------------
// Rows

type Compared = Pick<ComparisonRow, 'verdict' | 'note'>;

function presence(entered: string | null, document: string | null): Compared | null {
  if (entered === null && document === null) return { verdict: 'absent', note: null };
  if (document === null) return { verdict: 'missing', note: 'Not read from the document' };
  if (entered === null) return { verdict: 'missing', note: 'Not entered' };
  return null;
}

function compareText(
  entered: string | null,
  document: string | null,
  same: (a: string, b: string) => boolean,
): Compared {
  return (
    presence(entered, document) ?? {
      verdict: same(entered!, document!) ? 'match' : 'mismatch',
      note: null,
    }
  );
}

function compareDateText(entered: string | null, document: string | null): Compared {
  const missing = presence(entered, document);
  if (missing) return missing;
  const a = parseDate(entered);
  const b = parseDate(document);
  if (a && b) return { verdict: compareDates(a, b) === 0 ? 'match' : 'mismatch', note: null };
  const same = entered!.trim() === document!.trim();
  return { verdict: same ? 'match' : 'mismatch', note: 'Not a date KYC Desk can read; compared as text' };
}

/** Entered alpha-2 country against the document's nationality (alpha-3), or its issuing country. */
function compareCountry(entered: string | null, nationality: string | null, issuer: string | null): Compared {
  const document = nationality ?? issuer;
  const missing = presence(entered, document);
  if (missing) return missing;
  const wanted = iso3Of(entered!) ?? entered!.toUpperCase();
  const same = (code: string | null): boolean =>
    code !== null && (code.toUpperCase() === wanted || iso2Of(code) === entered!.toUpperCase());
  if (same(nationality)) return { verdict: 'match', note: null };
  if (same(issuer)) return { verdict: 'match', note: 'Matches the issuing country, not the nationality' };
  return { verdict: 'mismatch', note: null };
}

const OCR_FIELD: Record<string, FieldKey> = {
  firstname: 'firstName',
  middlename: 'middleName',
  lastname: 'lastName',
  dateofbirth: 'dateOfBirth',
  personalcode: 'personalCode',
  nationality: 'nationality',
  nationalityiso3: 'nationality',
  country: 'nationality',
  documentnumber: 'documentNumber',
  dateofissue: 'dateOfIssue',
  dateofexpiration: 'dateOfExpiration',
  dateofexpiry: 'dateOfExpiration',
};

export interface OcrValidation {
  key: string;
  isValid: boolean | null;
}

/** `document.ocrValidations` as a list; entries without a key are dropped, unknown keys kept raw. */
export function ocrValidationsOf(document: JsonObject | null): OcrValidation[] {
  const list = document?.ocrValidations;
  if (!Array.isArray(list)) return [];
  const out: OcrValidation[] = [];
  for (const item of list) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) continue;
    const key = textOf(item.key);
    if (key === null) continue;
    out.push({ key, isValid: typeof item.isValid === 'boolean' ? item.isValid : null });
  }
  return out;
}

export interface KycRule {
  name: string;
  status: string | null;
  reason: string | null;
}

/** `payload.rules` as a list; entries without a name are shown as "Unnamed check", never dropped. */
export function rulesOf(payload: JsonObject | null | undefined): KycRule[] {
  const list = payload?.rules;
  if (!Array.isArray(list)) return [];
  return list
    .filter((item): item is JsonObject => !!item && typeof item === 'object' && !Array.isArray(item))
    .map((item) => ({
      name: textOf(item.name) ?? 'Unnamed check',
      status: textOf(item.status),
      reason: textOf(item.reason),
    }));
}

/** The row an OCR key belongs to, if any (`FirstName` → `firstName`, case-insensitive). */
export function fieldOfOcrKey(key: string): FieldKey | null {
  return OCR_FIELD[key.replace(/[\s_-]/g, '').toLowerCase()] ?? null;
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

  const ocr = ocrValidationsOf(doc);
  const invalid = new Set<FieldKey>();
  const otherOcrFailures: string[] = [];
  for (const { key, isValid } of ocr) {
    if (isValid !== false) continue;
    const field = fieldOfOcrKey(key);
    if (field) invalid.add(field);
    else if (!otherOcrFailures.includes(key)) otherOcrFailures.push(key);
  }

  const firstEntered = entered(reg.firstName);
  const middleEntered = entered(reg.middleName);
  const firstRead = read('firstName');
  const middleRead = read('middleName');
  const givenNamesTogether =
    normalizeName([firstEntered, middleEntered].filter(Boolean).join(' ')) ===
      normalizeName([firstRead, middleRead].filter(Boolean).join(' ')) &&
    (firstEntered !== null || firstRead !== null);

  const nameRow = (key: 'firstName' | 'middleName' | 'lastName', label: string): ComparisonRow => {
    const a = entered(reg[key]);
    const b = read(key);
    let result = compareText(a, b, namesMatch);
    if (
      key !== 'lastName' &&
      result.verdict !== 'match' &&
      result.verdict !== 'absent' &&
      givenNamesTogether
    ) {
      result = { verdict: 'match', note: 'Matches when first and middle names are read together' };
    } else if (result.verdict === 'match' && namesMatchOnlyFolded(a!, b!)) {
      result = { verdict: 'match', note: 'Matches ignoring accents' };
    }
    return { key, label, entered: a, document: b, ...result, ocrInvalid: invalid.has(key) };
  };

  const dateRow = (key: 'dateOfBirth', label: string): ComparisonRow => {
    const a = entered(reg[key]);
    const b = read(key);
    return {
      key,
      label,
      entered: displayDate(a),
      document: displayDate(b),
      ...compareDateText(a, b),
      ocrInvalid: invalid.has(key),
    };
  };

  const documentOnly = (
    key: FieldKey,
    docKey: string,
    label: string,
    format = (v: string | null) => v,
  ): ComparisonRow => {
    const b = read(docKey);
    return {
      key,
      label,
      entered: null,
      document: format(b),
      verdict: b === null ? 'missing' : 'document-only',
      note: b === null ? 'Not read from the document' : null,
      ocrInvalid: invalid.has(key),
    };
  };

  const codeEntered = entered(reg.personalCode);
  const codeRead = read('personalCode');
  const countryEntered = entered(reg.countryCode);
  const nationality = read('nationalityIso3');
  const issuer = read('countryIso3');
  const countryResult = compareCountry(countryEntered, nationality, issuer);

  const rows: ComparisonRow[] = [
    nameRow('firstName', 'First name'),
    nameRow('middleName', 'Middle name'),
    nameRow('lastName', 'Last name'),
    dateRow('dateOfBirth', 'Date of birth'),
    {
      key: 'personalCode',
      label: 'Personal code',
      entered: codeEntered,
      document: codeRead,
      ...compareText(codeEntered, codeRead, (x, y) => normalizeCode(x) === normalizeCode(y)),
      ocrInvalid: invalid.has('personalCode'),
    },
    {
      key: 'nationality',
      label: 'Nationality / country',
      entered: displayCountry(countryEntered),
      document:
        nationality !== null && issuer !== null && nationality.toUpperCase() !== issuer.toUpperCase()
          ? `${displayCountry(nationality)}; issued by ${displayCountry(issuer)}`
          : displayCountry(nationality ?? issuer),
      ...countryResult,
      ocrInvalid: invalid.has('nationality'),
    },
    documentOnly('documentNumber', 'documentNumber', 'Document number'),
    documentOnly('dateOfIssue', 'dateOfIssue', 'Date of issue', displayDate),
    documentOnly('dateOfExpiration', 'dateOfExpiration', 'Date of expiry', displayDate),
  ];

  if (!registration) {
    for (const row of rows) {
      if (row.verdict === 'missing' && row.note === 'Not entered') {
        row.verdict = 'document-only';
        row.note = null;
      }
    }
  }
  if (!doc) {
    // Nothing is missing yet: the customer has not submitted a document.
    for (const row of rows) {
      if (row.verdict !== 'absent') {
        row.verdict = 'waiting';
        row.note = null;
      }
    }
  }

  const today = calendarDate(now);
  const expiryDate = parseDate(read('dateOfExpiration'));
  const expiry = expiryDate ? { date: expiryDate, expired: compareDates(expiryDate, today) < 0 } : null;

  const documentBirth = parseDate(read('dateOfBirth'));
  const enteredBirth = parseDate(entered(reg.dateOfBirth));
  const birth = documentBirth ?? enteredBirth;
  let age: AgeCheck | null = null;
  if (birth) {
    const years = ageOn(birth, today);
    age = { years, under18: years < 18, source: documentBirth ? 'document' : 'registration' };
  }

  const counts = { match: 0, mismatch: 0, missing: 0 };
  for (const row of rows) {
    if (row.verdict === 'match' || row.verdict === 'mismatch' || row.verdict === 'missing')
      counts[row.verdict] += 1;
  }

  return {
    rows,
    hasRegistration: registration !== null,
    hasDocument: doc !== null,
    expiry,
    age,
    otherOcrFailures,
    counts,
  };
}
