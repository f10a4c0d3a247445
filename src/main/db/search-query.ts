import { foldSearchWord } from '../../shared/domain/search-text';

/*
 * Turns what an officer types into an FTS5 query that cannot fail to parse: the input is split into
 * words the way the unicode61 tokenizer splits (letters, digits, combining marks), each word is folded
 * as the search text is (src/shared/domain/search-text.ts: Ł → l, Ø → o, ß → ss, accents away), and
 * each becomes a quoted prefix phrase ("word"*), ANDed together. Quotes, parentheses, operators (AND,
 * OR, NOT, NEAR), column filters and `*` are thus never interpreted — `AND(` searches for the word "and".
 */
const MAX_TOKENS = 8;
const MAX_TOKEN_LENGTH = 64;
const WORD = /[\p{L}\p{N}\p{M}]+/gu;
// A "word" of combining marks only has no base letter; the tokenizer would drop it.
const HAS_BASE = /[\p{L}\p{N}]/u;

/** null when the input holds no searchable word (then the list is not filtered by text). */
export function toFtsQuery(input: string): string | null {
  const words = (input.normalize('NFC').match(WORD) ?? [])
    .filter((w) => HAS_BASE.test(w))
    .flatMap(foldSearchWord)
    .slice(0, MAX_TOKENS)
    .map((w) => w.slice(0, MAX_TOKEN_LENGTH));
  if (words.length === 0) return null;
  // The folded words hold letters and digits only, so wrapping them in quotes is enough.
  return words.map((w) => `"${w}"*`).join(' ');
}
