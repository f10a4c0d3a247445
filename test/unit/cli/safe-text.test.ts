import { describe, expect, it } from 'vitest';
import { safeBlock, safeJson, safeLine } from '../../../src/cli/safe-text';

const ESC = '\u001b';

describe('safe CLI output', () => {
  it('drops escape sequences, controls and bidi characters from a line; keeps letters, ZWJ and ZWNJ', () => {
    const hostile = `Ru${ESC}[31;1mta${ESC}]0;title\u0007 \u202eevil\u202c \u2066iso\u2069\u200e\u200f\u061c \u009b2J\u0000\u007f ok`;
    expect(safeLine(hostile)).toBe('Ruta evil iso  ok');
    expect(safeLine('می\u200cخواهم \u200d')).toBe('می\u200cخواهم \u200d');
    expect(safeLine('Petraitienė Łukasz 李')).toBe('Petraitienė Łukasz 李');
  });

  it('turns line breaks inside a line into spaces, so Ondato cannot forge a line', () => {
    expect(safeLine('Processing\nDecision: accept\r\u2028x\u0085y')).toBe('Processing Decision: accept  x y');
  });

  it('keeps the line breaks of a block of our own text', () => {
    expect(safeBlock(`Usage:\n  a${ESC}[2J\n  b`)).toBe('Usage:\n  a\n  b');
  });

  it('writes the same characters as \\u escapes in JSON, which parses back to the exact value', () => {
    const value = { name: `a${ESC}[31m\u202eb\u0085\u2028c` };
    const text = safeJson(value);
    // eslint-disable-next-line no-control-regex -- the point is that none are left raw
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u202e]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});
