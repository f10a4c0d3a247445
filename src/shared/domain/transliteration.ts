import { foldLetters } from './names';

/*
 * How a name is written in the machine-readable zone (ICAO Doc 9303, part 3, section 6): national Latin
 * letters spelled out (Ü → UE, Ø → OE, Å → AA, ß → SS, Æ → AE, Þ → TH) and Cyrillic and Greek
 * transliterated to Latin. A name is cut into units, each with the spellings it may take: the ICAO
 * form first, then the plain fold (Ü → U) and the national variants passports also use (Ukrainian
 * Г → H, Я → YA). Two names match "as transliterated" when some choice of spellings makes them equal.
 */

export interface Unit {
  /** Lower-case Latin spellings; the ICAO one first. `' '` for a separator, `''` for a letter not written. */
  options: readonly string[];
  /** The code points (indices into `Array.from(text.normalize('NFC'))`) this unit was read from. */
  from: number;
  to: number;
}

export type Script = 'latin' | 'cyrillic' | 'greek' | 'other';

// Latin letters ICAO spells out; the second option is what a plain fold gives.
const LATIN: Record<string, readonly string[]> = {
  ä: ['ae', 'a'],
  ö: ['oe', 'o'],
  ü: ['ue', 'u'],
  å: ['aa', 'a'],
  ø: ['oe', 'o'],
  æ: ['ae'],
  œ: ['oe'],
  ß: ['ss'],
  þ: ['th'],
  ð: ['d'],
  đ: ['d'],
  ł: ['l'],
  ĳ: ['ij'],
  ñ: ['n'],
  ŋ: ['n'],
  ħ: ['h'],
};

const CYRILLIC: Record<string, readonly string[]> = {
  а: ['a'],
  б: ['b'],
  в: ['v'],
  г: ['g', 'h'],
  ґ: ['g'],
  д: ['d'],
  ѓ: ['g'],
  ђ: ['d'],
  е: ['e'],
  ё: ['e'],
  є: ['ie', 'ye'],
  ж: ['zh'],
  з: ['z'],
  ѕ: ['dz'],
  и: ['i', 'y'],
  і: ['i'],
  ї: ['i', 'yi'],
  й: ['i', 'y'],
  ј: ['j'],
  к: ['k'],
  л: ['l'],
  љ: ['lj'],
  м: ['m'],
  н: ['n'],
  њ: ['nj'],
  о: ['o'],
  п: ['p'],
  р: ['r'],
  с: ['s'],
  т: ['t'],
  ћ: ['c'],
  ќ: ['k'],
  у: ['u'],
  ў: ['u'],
  ф: ['f'],
  х: ['kh', 'h'],
  ц: ['ts'],
  ч: ['ch'],
  џ: ['dz'],
  ш: ['sh'],
  щ: ['shch'],
  ъ: ['ie', ''],
  ы: ['y'],
  ь: [''],
  э: ['e'],
  ю: ['iu', 'yu'],
  я: ['ia', 'ya'],
};

// Greek after its accents are stripped. Pairs are read before single letters (ΟΥ is one sound).
const GREEK_PAIRS: Record<string, readonly string[]> = {
  αυ: ['av', 'af'],
  ευ: ['ev', 'ef'],
  ηυ: ['iv', 'if'],
  ου: ['ou'],
  γγ: ['ng'],
  γκ: ['gk', 'g'],
  γξ: ['nx'],
  γχ: ['nch'],
  μπ: ['mp', 'b'],
  ντ: ['nt', 'd'],
};
const GREEK: Record<string, readonly string[]> = {
  α: ['a'],
  β: ['v'],
  γ: ['g'],
  δ: ['d'],
  ε: ['e'],
  ζ: ['z'],
  η: ['i'],
  θ: ['th'],
  ι: ['i'],
  κ: ['k'],
  λ: ['l'],
  μ: ['m'],
  ν: ['n'],
  ξ: ['x', 'ks'],
  ο: ['o'],
  π: ['p'],
  ρ: ['r'],
  σ: ['s'],
  ς: ['s'],
  τ: ['t'],
  υ: ['y', 'i'],
  φ: ['f'],
  χ: ['ch', 'kh'],
  ψ: ['ps'],
  ω: ['o'],
};

const SEPARATOR = /^[\s\-‐‑‒–—_.,<]$/u;
const SILENT = /^['’‘`´ʼ]$/u;
const MARKS = /\p{M}+/gu;

function has(table: Record<string, readonly string[]>, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(table, key);
}

// Names reuse few letters: each code point is looked at once (both caches stay small, bounded by
// the letters actually seen), which keeps indexing 100,000 cases in a migration to seconds.
const bareCache = new Map<string, string>();
const optionsCache = new Map<string, readonly string[]>();
const CACHE_LIMIT = 4096;

function remember<T>(cache: Map<string, T>, key: string, value: T): T {
  if (cache.size < CACHE_LIMIT) cache.set(key, value);
  return value;
}

/** A code point lower-cased with its accents removed (keeps Ł, Ø… as they are). */
function bare(point: string): string {
  return (
    bareCache.get(point) ??
    remember(bareCache, point, point.toLowerCase().normalize('NFD').replace(MARKS, ''))
  );
}

function computeOptions(point: string): readonly string[] {
  if (/^[a-z0-9]$/.test(point)) return [point];
  const lower = point.toLowerCase().normalize('NFC');
  if (SEPARATOR.test(point)) return [' '];
  if (SILENT.test(point) || /^\p{M}+$/u.test(point)) return [''];
  if (has(LATIN, lower)) return LATIN[lower]!;
  const stripped = bare(point);
  if (has(CYRILLIC, lower)) return CYRILLIC[lower]!;
  if (has(CYRILLIC, stripped)) return CYRILLIC[stripped]!;
  if (has(GREEK, stripped)) return GREEK[stripped]!;
  return [foldLetters(point)];
}

function optionsOf(point: string): readonly string[] {
  return optionsCache.get(point) ?? remember(optionsCache, point, computeOptions(point));
}

/** The name cut into units (separators collapsed, none at either end). */
export function unitsOf(text: string): Unit[] {
  const points = Array.from(text.normalize('NFC'));
  const out: Unit[] = [];
  for (let i = 0; i < points.length; i += 1) {
    const pair = i + 1 < points.length ? bare(points[i]!) + bare(points[i + 1]!) : '';
    if (has(GREEK_PAIRS, pair)) {
      out.push({ options: GREEK_PAIRS[pair]!, from: i, to: i + 2 });
      i += 1;
      continue;
    }
    const options = optionsOf(points[i]!);
    const last = out[out.length - 1];
    if (options[0] === ' ' && (!last || last.options[0] === ' ')) continue;
    out.push({ options, from: i, to: i + 1 });
  }
  while (out.length && out[out.length - 1]!.options[0] === ' ') out.pop();
  return out;
}

/** The script a name is written in: the first letter outside plain Latin decides. */
export function scriptOf(text: string): Script {
  for (const point of text) {
    if (/\p{Script=Cyrillic}/u.test(point)) return 'cyrillic';
    if (/\p{Script=Greek}/u.test(point)) return 'greek';
    if (/\p{L}/u.test(point) && !/\p{Script=Latin}/u.test(point)) return 'other';
  }
  return 'latin';
}

const MAX_SPELLINGS = 64;

/** Every spelling of the units, or null when there would be too many to list. */
function spellings(units: readonly Unit[]): string[] | null {
  let out = [''];
  for (const unit of units) {
    if (out.length * unit.options.length > MAX_SPELLINGS) return null;
    out = out.flatMap((prefix) => unit.options.map((option) => prefix + option));
  }
  return out;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function pattern(units: readonly Unit[]): RegExp {
  const body = units
    .map((u) => (u.options.length === 1 ? escape(u.options[0]!) : `(?:${u.options.map(escape).join('|')})`))
    .join('');
  return new RegExp(`^${body}$`, 'u');
}

/**
 * Whether one name is a transliteration of the other under ICAO 9303 (or a national variant it
 * allows): some spelling of one equals some spelling of the other.
 */
export function transliterationMatch(a: string, b: string): boolean {
  const ua = unitsOf(a);
  const ub = unitsOf(b);
  if (ua.length === 0 || ub.length === 0) return false;
  const sa = spellings(ua);
  const sb = spellings(ub);
  // Enumerate the side with fewer spellings and match each against the other side's pattern.
  const [list, other] = sa !== null && (sb === null || sa.length <= sb.length) ? [sa, ub] : [sb, ua];
  if (list === null) return ua.map((u) => u.options[0]).join('') === ub.map((u) => u.options[0]).join('');
  const re = pattern(other);
  return list.some((spelling) => re.test(spelling));
}

/** The letters of a name ICAO spells differently ("Ü → UE"), for explaining a transliterated match. */
export function transliteratedLetters(text: string): string[] {
  const seen = new Set<string>();
  for (const point of text.normalize('NFC')) {
    const lower = point.toLowerCase();
    if (has(LATIN, lower) && LATIN[lower]![0] !== foldLetters(point))
      seen.add(`${point.toUpperCase()} → ${LATIN[lower]![0]!.toUpperCase()}`);
  }
  return [...seen];
}
