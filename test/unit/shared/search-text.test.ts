import { describe, expect, it } from 'vitest';
import { caseSearchText, foldSearchWord, nameSpellings } from '../../../src/shared/domain/search-text';
import {
  scriptOf,
  transliteratedLetters,
  transliterationMatch,
  unitsOf,
} from '../../../src/shared/domain/transliteration';

describe('search text: every spelling an officer may type', () => {
  it.each([
    ['Łódź', ['lodz']],
    ['Ørsted', ['orsted', 'oersted']],
    ['Müller', ['muller', 'mueller']],
    ['Straße', ['strasse']],
    ['Ærø', ['aero', 'aeroe']],
    ['Đorđević', ['dordevic']],
    ['Þórunn', ['thorunn']],
    // И is I in ICAO, Y in Ukrainian passports: both are indexed.
    ['Иванова', ['иванова', 'ivanova', 'yvanova']],
    ['Παπαδοπούλου', ['παπαδοπουλου', 'papadopoulou']],
  ])('%s is indexed as %j', (name, spellings) => {
    expect(new Set(nameSpellings(name))).toEqual(new Set(spellings));
  });

  it('holds both names and both codes, each word once, and nothing for nothing', () => {
    expect(caseSearchText(['Jonas Petraitis', 'JANE DOE', 'Jonas Petraitis'], ['490051-71234', null])).toBe(
      'jonas petraitis jane doe 49005171234',
    );
    expect(caseSearchText([null], [null])).toBeNull();
  });

  it('folds a typed word the way the index is folded', () => {
    expect(foldSearchWord('ŁÓDŹ')).toEqual(['lodz']);
    expect(foldSearchWord('Ørsted')).toEqual(['orsted']);
    expect(foldSearchWord('Straße')).toEqual(['strasse']);
    expect(foldSearchWord('ﬁnn')).toEqual(['finn']);
  });
});

describe('transliteration', () => {
  it('cuts a name into units, separators collapsed and trimmed', () => {
    expect(
      unitsOf(' Anne--Marie ')
        .map((u) => u.options[0])
        .join(''),
    ).toBe('anne marie');
    expect(
      unitsOf("O'Brien")
        .map((u) => u.options[0])
        .join(''),
    ).toBe('obrien');
    // A Greek pair is one unit, owning both letters.
    expect(unitsOf('ΟΥ')).toEqual([{ options: ['ou'], from: 0, to: 2 }]);
  });

  it('knows the script', () => {
    expect(scriptOf('Müller')).toBe('latin');
    expect(scriptOf('Иван')).toBe('cyrillic');
    expect(scriptOf('Γιώργος')).toBe('greek');
    expect(scriptOf('محمد')).toBe('other');
  });

  it('names the letters ICAO spells out, but not those a plain fold already gives', () => {
    expect(transliteratedLetters('Jäätteenmäki Ørsted Strauß')).toEqual(['Ä → AE', 'Ø → OE']);
  });

  it('matches a long name with many alternatives without listing every spelling', () => {
    const native = 'Гаврилюк Григорій Юрійович Ярославович';
    expect(transliterationMatch(native, 'HAVRYLIUK HRYHORII YURIIOVYCH YAROSLAVOVYCH')).toBe(true);
    expect(transliterationMatch(native, 'GAVRILIUK GRIGORII IURIIOVICH IAROSLAVOVICH')).toBe(true);
    expect(transliterationMatch(native, 'HAVRYLIUK HRYHORII YURIIOVYCH')).toBe(false);
  });

  it('never matches an empty name', () => {
    expect(transliterationMatch('', '')).toBe(false);
    expect(transliterationMatch('-', 'A')).toBe(false);
  });
});
