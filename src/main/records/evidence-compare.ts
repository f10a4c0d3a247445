import type { RegistrationData } from '../../shared/domain/case';
import { iso3Of } from '../../shared/domain/countries';
import type { JsonObject } from '../../shared/domain/json';

/*
 * The registered data against what Ondato read from the document, for the evidence pack. The rules are
 * the review screen's (names compared after folding case and diacritics, codes without separators,
 * dates as calendar dates); main cannot import the renderer's module, so the few rules live here too.
 * When the comparison moves to src/shared/domain (risk flags), this file becomes a thin adapter.
 */

export type Verdict = 'match' | 'mismatch' | 'missing' | 'absent' | 'document-only' | 'waiting';

export interface ComparedField {
  label: string;
  registered: string | null;
  document: string | null;
  verdict: Verdict;
  /** Why, when the verdict needs a word (e.g. "matches once diacritics are ignored"). */
  note: string | null;
}

const FOLD: Record<string, string> = {
  ł: 'l',
  ø: 'o',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
};

export function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøßæœđðþı]/g, (c) => FOLD[c] ?? c)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[\s\-‐‑‒–—_.,]+/g, ' ')
    .trim();
}

const foldCode = (code: string): string => code.replace(/[\s\-./]+/g, '').toUpperCase();

function isoDate(text: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dotted = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
  return dotted ? `${dotted[3]}-${dotted[2]!.padStart(2, '0')}-${dotted[1]!.padStart(2, '0')}` : null;
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

export function documentOf(payload: JsonObject | null | undefined): JsonObject | null {
  const doc = payload?.['document'];
  return doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : null;
}

type Same = (a: string, b: string) => { same: boolean; note: string | null };

const byCountry: Same = (a, b) => ({
  same: (iso3Of(a) ?? a.toUpperCase()) === b.toUpperCase() || a.toUpperCase() === b.toUpperCase(),
  note: null,
});
const byName: Same = (a, b) => {
  if (a === b) return { same: true, note: null };
  const same = foldName(a) === foldName(b);
  return { same, note: same ? 'Matches once case and diacritics are ignored' : null };
};
const byCode: Same = (a, b) => ({ same: foldCode(a) === foldCode(b), note: null });
const byDate: Same = (a, b) => {
  const x = isoDate(a);
  const y = isoDate(b);
  return x && y ? { same: x === y, note: null } : { same: a === b, note: 'Compared as text' };
};

function row(label: string, registered: string | null, document: string | null, same: Same): ComparedField {
  if (registered === null && document === null)
    return { label, registered, document, verdict: 'absent', note: null };
  if (document === null)
    return { label, registered, document, verdict: 'missing', note: 'Not read from the document' };
  if (registered === null) return { label, registered, document, verdict: 'missing', note: 'Not registered' };
  const { same: equal, note } = same(registered, document);
  return { label, registered, document, verdict: equal ? 'match' : 'mismatch', note };
}

export function compareForEvidence(
  registration: RegistrationData | null,
  payload: JsonObject | null | undefined,
): ComparedField[] {
  const doc = documentOf(payload);
  const reg = registration ?? {};
  const read = (key: string): string | null => (doc ? text(doc[key]) : null);
  const country = read('nationalityIso3') ?? read('countryIso3');
  const rows: ComparedField[] = [
    row('First name', text(reg.firstName), read('firstName'), byName),
    row('Middle name', text(reg.middleName), read('middleName'), byName),
    row('Last name', text(reg.lastName), read('lastName'), byName),
    row('Date of birth', text(reg.dateOfBirth), read('dateOfBirth'), byDate),
    row('Personal code', text(reg.personalCode), read('personalCode'), byCode),
    row('Country / nationality', text(reg.countryCode), country, byCountry),
  ];
  for (const [label, key] of [
    ['Document type', 'type'],
    ['Document number', 'documentNumber'],
    ['Date of issue', 'dateOfIssue'],
    ['Date of expiry', 'dateOfExpiration'],
  ] as const) {
    const value = read(key);
    rows.push({
      label,
      registered: null,
      document: value,
      verdict: value === null ? 'absent' : 'document-only',
      note: null,
    });
  }
  if (!registration) {
    for (const r of rows)
      if (r.verdict === 'missing' && r.note === 'Not registered') r.verdict = 'document-only';
  }
  if (!doc) for (const r of rows) if (r.verdict !== 'absent') r.verdict = 'waiting';
  return rows.filter((r) => r.verdict !== 'absent' || r.label === 'First name' || r.label === 'Last name');
}
