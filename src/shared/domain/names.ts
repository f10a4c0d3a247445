/*
 * Name folding: what must be equal for two spellings of a name to be the same person's name. NFD
 * splits accented letters into base + mark (Š → S + ˇ), but a set of Latin letters are letters of their
 * own with no decomposition (Ł, Ø, ß, Æ, Œ, Đ, Þ…); the table maps those as ICAO 9303 transliterates
 * them for the machine-readable zone, so the registration, the printed name and the MRZ all fold alike.
 */

// Lower-case keys: folding lower-cases first. Letters NFD does not decompose into base + mark.
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
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ĸ: 'k',
  ŀ: 'l',
  ſ: 's',
  ƒ: 'f',
  ɨ: 'i',
  ƀ: 'b',
  ɍ: 'r',
  ȥ: 'z',
  ƶ: 'z',
  ǥ: 'g',
};
const FOLD_RE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');

/** Case, diacritics and the letters above folded away; nothing else changed. */
export function foldLetters(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(FOLD_RE, (letter) => FOLD[letter] ?? letter);
}

/** A name reduced to what must match: no case, no diacritics, hyphens as spaces, no apostrophes, single spaces. */
export function normalizeName(name: string): string {
  return foldLetters(name)
    .replace(/['’‘`´ʼ]/g, '')
    .replace(/[\s\-‐‑‒–—_.,]+/g, ' ')
    .trim();
}

export function namesMatch(a: string, b: string): boolean {
  return normalizeName(a) === normalizeName(b);
}

/** Codes (personal code, document number) compared without case, spaces, hyphens, dots or slashes. */
export function normalizeCode(code: string): string {
  return code.replace(/[\s\-./]+/g, '').toUpperCase();
}
