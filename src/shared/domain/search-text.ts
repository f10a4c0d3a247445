import { foldLetters, normalizeCode, normalizeName } from './names';
import { unitsOf } from './transliteration';

/*
 * What the case search indexes for a name, and how a typed word is folded to meet it. A name is
 * indexed in every spelling an officer may type: folded (Łódź → lodz, Ørsted → orsted, Straße →
 * strasse), as the MRZ writes it (Ørsted → oersted, Müller → mueller) and, for Cyrillic and Greek, in
 * Latin letters (Иванов → ivanov). A typed word is only folded (accents and special letters), so
 * "Łódź", "lodz" and "LODZ" all find the same case.
 */

const WORD = /[\p{L}\p{N}]+/gu;

function words(text: string): string[] {
  return text.match(WORD) ?? [];
}

/** Every spelling of a name worth indexing, as lower-case words. */
export function nameSpellings(name: string): string[] {
  const units = unitsOf(name);
  const icao = units.map((u) => u.options[0]!).join('');
  const plain = units.map((u) => u.options[u.options.length - 1]!).join('');
  return [...words(normalizeName(name)), ...words(icao), ...words(plain)];
}

/**
 * The folded search text of a case: the names' spellings and the personal codes without separators,
 * each word once. Null when there is nothing to index (e.g. after the personal data was removed).
 */
export function caseSearchText(
  names: readonly (string | null)[],
  codes: readonly (string | null)[],
): string | null {
  const seen = new Set<string>();
  // The registered name and the name as read are usually the same: spell each distinct name once.
  for (const name of new Set(names)) if (name) for (const w of nameSpellings(name)) seen.add(w);
  for (const code of codes) if (code) for (const w of words(normalizeCode(code).toLowerCase())) seen.add(w);
  return seen.size ? [...seen].join(' ') : null;
}

/** A typed search word folded the way the index is (case, accents and special letters). */
export function foldSearchWord(word: string): string[] {
  return words(foldLetters(word));
}
