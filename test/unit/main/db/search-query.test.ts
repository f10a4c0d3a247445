import { describe, expect, it } from 'vitest';
import { toFtsQuery } from '../../../../src/main/db/search-query';

describe('toFtsQuery', () => {
  it('turns each word into a quoted prefix phrase, folded as the search text is', () => {
    expect(toFtsQuery('Žydrūnė Spec')).toBe('"zydrune"* "spec"*');
    expect(toFtsQuery('  39001011234 ')).toBe('"39001011234"*');
  });

  it('folds letters the tokenizer keeps: Ł, Ø, ß, Æ, Đ, Þ', () => {
    expect(toFtsQuery('Łódź')).toBe('"lodz"*');
    expect(toFtsQuery('Ørsted Straße')).toBe('"orsted"* "strasse"*');
    expect(toFtsQuery('Ærø Đorđe Þór')).toBe('"aero"* "dorde"* "thor"*');
  });

  it('splits ids and refs where the tokenizer does', () => {
    expect(toFtsQuery('89e50d98-c556')).toBe('"89e50d98"* "c556"*');
    expect(toFtsQuery('REF_2024/17')).toBe('"ref"* "2024"* "17"*');
  });

  it('neutralises FTS syntax', () => {
    expect(toFtsQuery('"')).toBeNull();
    expect(toFtsQuery('AND(')).toBe('"and"*');
    expect(toFtsQuery('a OR b NOT c NEAR(d)')).toBe('"a"* "or"* "b"* "not"* "c"* "near"* "d"*');
    expect(toFtsQuery('full_name:x*')).toBe('"full"* "name"* "x"*');
    expect(toFtsQuery('^*()-+{}[]')).toBeNull();
    expect(toFtsQuery('')).toBeNull();
    expect(toFtsQuery('\u0301')).toBeNull();
  });

  it('normalises to NFC and bounds the query', () => {
    expect(toFtsQuery('Z\u030Cydr')).toBe('"zydr"*');
    expect(toFtsQuery(Array.from({ length: 20 }, (_, i) => `w${i}`).join(' '))?.split(' ')).toHaveLength(8);
    expect(toFtsQuery('x'.repeat(500))).toBe(`"${'x'.repeat(64)}"*`);
  });
});
