import { describe, expect, it } from 'vitest';
import { foldLetters, namesMatch, normalizeCode, normalizeName } from '../../../src/shared/domain/names';

describe('normalizeName', () => {
  it.each([
    ['Žemaitė', 'ZEMAITE'],
    ['Łukasz', 'lukasz'],
    ['Søren', 'Soren'],
    ['Strauß', 'STRAUSS'],
    ['Ærø', 'aero'],
    ['Đorđević', 'Dordevic'],
    ['Anne-Marie', 'anne marie'],
    ['  John   Adam ', 'John Adam'],
    ["O'Brien", 'OBrien'],
    ['Jean–Luc', 'Jean Luc'],
    ['Çelik', 'celik'],
    ['İlker', 'ilker'],
  ])('%s matches %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(true);
  });

  it.each([
    ['Jon', 'John'],
    ['Anna', 'Ana'],
    ['Zemaite', 'Zemaitis'],
    ['Mary Ann', 'Maryann'],
  ])('%s does not match %s', (a, b) => {
    expect(namesMatch(a, b)).toBe(false);
  });

  it('reduces to lower-case ASCII with single spaces', () => {
    expect(normalizeName('  Marie-Ćwikła  Østergård ')).toBe('marie cwikla ostergard');
  });
});

describe('normalizeCode', () => {
  it('ignores spaces, hyphens, dots, slashes and case', () => {
    expect(normalizeCode('ab 12-34.5/6')).toBe('AB123456');
  });
});

describe('foldLetters', () => {
  it.each([
    ['Ł', 'l'],
    ['Ø', 'o'],
    ['ß', 'ss'],
    ['ẞ', 'ss'],
    ['Æ', 'ae'],
    ['Œ', 'oe'],
    ['Đ', 'd'],
    ['Ð', 'd'],
    ['Þ', 'th'],
    ['Ħ', 'h'],
    ['Ŧ', 't'],
    ['Ŋ', 'n'],
    ['Š', 's'],
    ['Ė', 'e'],
    ['Ū', 'u'],
    ['ﬁ', 'fi'],
  ])('folds %s to %s', (letter, folded) => {
    expect(foldLetters(letter)).toBe(folded);
  });

  it('folds whole names the way the MRZ writes them', () => {
    expect(normalizeName('ŁUKASZ ŻÓŁW')).toBe('lukasz zolw');
    expect(normalizeName('Þórunn Ægisdóttir')).toBe('thorunn aegisdottir');
    expect(normalizeName('Œuvray-Straße')).toBe('oeuvray strasse');
    expect(namesMatch('Šimkutė', 'SIMKUTE')).toBe(true);
  });
});
