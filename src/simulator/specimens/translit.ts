// Person data arrives as Unicode (e.g. "Žemaitė", "Müller"); the bitmap font and the MRZ only know ASCII.
import { hasGlyph } from './font';

// Letters that Unicode decomposition (NFD) does not reduce to a base letter plus marks.
const SPECIAL: Record<string, string> = {
  ß: 'SS',
  Æ: 'AE',
  æ: 'AE',
  Œ: 'OE',
  œ: 'OE',
  Ø: 'O',
  ø: 'O',
  Ł: 'L',
  ł: 'L',
  Đ: 'D',
  đ: 'D',
  Ð: 'D',
  ð: 'D',
  Þ: 'TH',
  þ: 'TH',
  Ħ: 'H',
  ħ: 'H',
  ı: 'I',
};

// ICAO 9303 Part 3 prefers these spellings in the MRZ over simply dropping the diacritic.
const ICAO: Record<string, string> = {
  Ä: 'AE',
  ä: 'AE',
  Å: 'AA',
  å: 'AA',
  Ö: 'OE',
  ö: 'OE',
  Ü: 'UE',
  ü: 'UE',
  Ø: 'OE',
  ø: 'OE',
};

function fold(s: string, table: Record<string, string>): string {
  return [...s]
    .map((ch) => table[ch] ?? SPECIAL[ch] ?? ch)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase();
}

/** Text for the visual zone: ASCII upper case; characters the font lacks become '?' so gaps stay visible. */
export function vizText(s: string): string {
  return [...fold(s.trim().replace(/\s+/g, ' '), {})].map((ch) => (hasGlyph(ch) ? ch : '?')).join('');
}

/** A name component for the MRZ: A-Z with '<' for spaces and hyphens; everything else is dropped. */
export function mrzName(s: string): string {
  return fold(s.trim(), ICAO)
    .replace(/[\s-]+/g, '<')
    .replace(/[^A-Z<]/g, '');
}

/** A number-like MRZ field (document number, personal code): A-Z and 0-9 only. */
export function mrzAlnum(s: string): string {
  return fold(s, {}).replace(/[^A-Z0-9]/g, '');
}

/** "YYYY-MM-DD" (or anything with 8 digits in that order) to [year, month, day] strings, else undefined. */
export function splitDate(s: string): [string, string, string] | undefined {
  const m = /^(\d{4})-?(\d{2})-?(\d{2})/.exec(s.trim());
  return m ? [m[1] as string, m[2] as string, m[3] as string] : undefined;
}

/** Dates as printed on the document, DD.MM.YYYY; unparseable input is shown as given. */
export function vizDate(s: string): string {
  const parts = splitDate(s);
  return parts ? `${parts[2]}.${parts[1]}.${parts[0]}` : vizText(s);
}

/** M, F or X as ICAO allows; Ondato sends "Male"/"Female" or "M"/"F", anything else is unspecified. */
export function sexCode(gender: string): 'M' | 'F' | 'X' | '<' {
  const g = gender.trim().toUpperCase();
  if (g.startsWith('M')) return 'M';
  if (g.startsWith('F') || g.startsWith('W')) return 'F';
  if (g === 'X') return 'X';
  return '<';
}
