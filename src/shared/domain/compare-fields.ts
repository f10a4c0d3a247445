import { compareDates, formatDate, parseDate, type CalendarDate } from './dates';
import { normalizeCode, normalizeName } from './names';
import { diffText, type TextDiff } from './text-diff';
import { scriptOf, transliteratedLetters, transliterationMatch } from './transliteration';

/*
 * One field's entered value against the document's, with the working shown: how a match was reached
 * (the same text, the same once accents are ignored, a transliteration, the same date or code written
 * differently) and, for a mismatch, which characters differ.
 */

/**
 * match / mismatch: both sides hold a value. missing: one side lacks a value the other has.
 * absent: neither side has one. document-only: a field the officer never enters (document number, dates
 * of issue and expiry); nothing to compare. waiting: Ondato has not read a document yet.
 */
export type Verdict = 'match' | 'mismatch' | 'missing' | 'absent' | 'document-only' | 'waiting';

/**
 * How a match was reached. exact: the same letters (case, spacing and hyphens aside). accents: the same
 * once accents and special letters are folded (Ž → Z, Ł → L). transliterated: one is the other as ICAO
 * 9303 writes it in Latin (Ü → UE, Ø → OE, Cyrillic and Greek → Latin). given-names-together: first and
 * middle names split differently. same-date / same-code: one value written two ways. issuing-country:
 * the entered country is the issuer, not the nationality.
 */
export type MatchKind =
  | 'exact'
  | 'accents'
  | 'transliterated'
  | 'given-names-together'
  | 'same-date'
  | 'same-code'
  | 'issuing-country';

export interface Compared {
  verdict: Verdict;
  /** A short explanation, with both values where it helps ("Matches ignoring accents: Rūta / RUTA"). */
  note: string | null;
  /** How a match was reached; null for anything but a match. */
  kind: MatchKind | null;
  /** For a mismatch: which characters differ. */
  diff: TextDiff | null;
}

const result = (verdict: Verdict, note: string | null = null): Compared => ({
  verdict,
  note,
  kind: null,
  diff: null,
});
const matched = (kind: MatchKind, note: string | null = null): Compared => ({
  verdict: 'match',
  note,
  kind,
  diff: null,
});

export function presence(entered: string | null, document: string | null): Compared | null {
  if (entered === null && document === null) return result('absent');
  if (document === null) return result('missing', 'Not read from the document');
  if (entered === null) return result('missing', 'Not entered');
  return null;
}

/** The name as written, with case, spacing, hyphens and apostrophes set aside; accents kept. */
function plainName(name: string): string {
  return name
    .normalize('NFC')
    .toLocaleLowerCase('und')
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[\s\-‐‑‒–—_.,<]+/g, ' ')
    .trim();
}

/** How two names match, or null when they do not. */
export function nameMatchKind(a: string, b: string): 'exact' | 'accents' | 'transliterated' | null {
  if (plainName(a) === plainName(b)) return 'exact';
  if (normalizeName(a) === normalizeName(b)) return 'accents';
  if (transliterationMatch(a, b)) return 'transliterated';
  return null;
}

function transliterationNote(a: string, b: string): string {
  const scripts = new Set([scriptOf(a), scriptOf(b)]);
  const native = scripts.has('cyrillic') ? 'Cyrillic' : scripts.has('greek') ? 'Greek' : null;
  const letters = [...new Set([...transliteratedLetters(a), ...transliteratedLetters(b)])];
  const how = native
    ? `${native} written in Latin letters, ICAO 9303`
    : `ICAO 9303${letters.length ? `: ${letters.join(', ')}` : ''}`;
  return `Matches as transliterated (${how}): ${a} / ${b}`;
}

export function compareName(entered: string | null, document: string | null): Compared {
  const missing = presence(entered, document);
  if (missing) return missing;
  const a = entered!;
  const b = document!;
  switch (nameMatchKind(a, b)) {
    case 'exact':
      return matched('exact');
    case 'accents':
      return matched('accents', `Matches ignoring accents: ${a} / ${b}`);
    case 'transliterated':
      return matched('transliterated', transliterationNote(a, b));
    case null:
      return { ...result('mismatch'), diff: diffText(a, b, 'name') };
  }
}

function dateParts(a: CalendarDate, b: CalendarDate): string {
  if (a.day === b.month && a.month === b.day && a.year === b.year) return 'Day and month swapped';
  const parts = [
    a.day !== b.day ? 'day' : null,
    a.month !== b.month ? 'month' : null,
    a.year !== b.year ? 'year' : null,
  ].filter((p): p is string => p !== null);
  const words = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}` : parts[0]!;
  return `Different ${words}`;
}

/** Dates as calendar values: 1990-01-05, 1990-1-5 and 05.01.1990 are one date. */
export function compareDateText(entered: string | null, document: string | null): Compared {
  const missing = presence(entered, document);
  if (missing) return missing;
  const a = parseDate(entered);
  const b = parseDate(document);
  if (a && b) {
    if (compareDates(a, b) === 0)
      return entered!.trim() === document!.trim()
        ? matched('exact')
        : matched('same-date', `Same date written differently: ${entered!.trim()} / ${document!.trim()}`);
    return {
      ...result('mismatch', dateParts(a, b)),
      diff: diffText(formatDate(a), formatDate(b), 'text'),
    };
  }
  const same = entered!.trim() === document!.trim();
  const note = 'Not a date KYC Desk can read; compared as text';
  return same
    ? matched('exact', note)
    : { ...result('mismatch', note), diff: diffText(entered!.trim(), document!.trim(), 'text') };
}

/** Codes as values: case, spaces, hyphens, dots and slashes do not count. */
export function compareCode(entered: string | null, document: string | null): Compared {
  const missing = presence(entered, document);
  if (missing) return missing;
  const a = entered!;
  const b = document!;
  if (a.trim() === b.trim()) return matched('exact');
  if (normalizeCode(a) === normalizeCode(b))
    return matched('same-code', `Same code written differently: ${a.trim()} / ${b.trim()}`);
  return { ...result('mismatch'), diff: diffText(a, b, 'code') };
}

export { matched, result };
