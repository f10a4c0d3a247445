/*
 * What the CLI prints came partly from Ondato (names, document fields, rule reasons, file names) and
 * partly from the officer; either may carry characters a terminal acts on instead of showing: escape
 * sequences (colours, cursor moves, a fake prompt, a window title), other C0/C1 controls, and the
 * bidirectional overrides and isolates that make text read differently from what it is ("Trojan
 * Source"). Human output drops them; --json keeps the exact value but writes them as \u escapes, so it
 * stays valid JSON and no terminal ever sees the raw character.
 */

/** ESC-introduced sequences (CSI, OSC, DCS/SOS/PM/APC strings, and two-character escapes). */
const ESCAPE_SEQUENCE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[PX^_][^\u001b]*(?:\u001b\\)?|[ -~]?)/g;

/** C1 string commands (8-bit CSI/OSC/DCS…) with their parameters. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const C1_SEQUENCE = /\u009b[0-?]*[ -/]*[@-~]?|[\u0090\u009d\u009e\u009f][^\u009c\u0007]*[\u009c\u0007]?/g;

/** Line breaks of any kind: one printed line must not turn into two. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const LINE_BREAKS = /[\n\r\u000b\u000c\u0085\u2028\u2029]/g;

/**
 * Everything else that is not shown as itself: C0 and C1 controls, DEL, the bidi embeddings, overrides,
 * isolates and marks (U+202A–202E, U+2066–2069, U+200E/F, U+061C), and the BOM / zero-width no-break.
 * ZWJ and ZWNJ stay: scripts such as Persian and Devanagari need them.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** Characters JSON.stringify leaves raw that a terminal would still act on. */
const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

/** One line of human output: sequences and controls removed, tabs and line breaks become spaces. */
export function safeLine(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(C1_SEQUENCE, '')
    .replace(LINE_BREAKS, ' ')
    .replace(/\t/g, ' ')
    .replace(INVISIBLE, '');
}

/** Multi-line output of our own (the usage text): the same, but its line breaks and tabs are kept. */
export function safeBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => safeLine(line.replace(/\t/g, '    ')))
    .join('\n');
}

/** JSON of `value` with every terminal-active character written as a \u escape (still valid JSON). */
export function safeJson(value: unknown, indent = 2): string {
  const text = JSON.stringify(value, null, indent) ?? 'null';
  return text.replace(JSON_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
