import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * WCAG for the token pairs the stylesheets use, in both themes: AAA (7:1) for every text colour on
 * every surface it sits on, 3:1 for icons, control borders and the focus ring. Reads tokens.css
 * itself, so a colour tweak that breaks a pair fails.
 */

function block(selector: string): Record<string, string> {
  const start = css.indexOf(selector);
  if (start < 0) throw new Error(`no ${selector} block`);
  const body = css.slice(css.indexOf('{', start) + 1, css.indexOf('}', start));
  const tokens: Record<string, string> = {};
  for (const match of body.matchAll(/--([a-z0-9-]+):\s*(#[0-9a-f]{6})\s*;/gi)) tokens[match[1]!] = match[2]!;
  return tokens;
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const css = readFileSync(join(__dirname, '../../../src/renderer/src/styles/tokens.css'), 'utf8');

const TEXT: [string, string][] = [
  ['text', 'bg'],
  ['text', 'surface'],
  ['text', 'surface-2'],
  ['text', 'surface-hover'],
  ['text', 'accent-soft'],
  ['text', 'warning-soft'],
  ['text', 'danger-soft'],
  ['text-muted', 'bg'],
  ['text-muted', 'surface'],
  ['text-muted', 'surface-2'],
  ['text-muted', 'accent-soft'],
  ['text-muted', 'danger-soft'],
  ['accent-text', 'bg'],
  ['accent-text', 'surface'],
  ['on-accent', 'accent'],
  ['on-accent', 'accent-hover'],
  ['danger', 'bg'],
  ['danger', 'surface'],
  ['danger', 'danger-soft'],
  ['success', 'bg'],
  ['success', 'surface'],
  ['surface', 'danger'],
  ['prod-text', 'prod-bg'],
  ['sandbox-text', 'sandbox-bg'],
  ['demo-text', 'demo-bg'],
];

/** AAA (1.4.6, 7:1): body text, navigation, secondary text, links, status text, badges and buttons. */
const ENHANCED: [string, string][] = [
  ...TEXT,
  ['text', 'success-soft'],
  ['text-muted', 'surface-hover'],
  ['text-muted', 'warning-soft'],
  ['text-muted', 'success-soft'],
  ['accent-text', 'surface-2'],
  ['accent-text', 'surface-hover'],
  ['accent-text', 'accent-soft'],
  ['danger', 'surface-2'],
  ['success', 'success-soft'],
  ['warning', 'surface'],
  ['warning', 'warning-soft'],
  ['warning', 'bg'],
  ['progress', 'surface'],
  ['neutral', 'surface'],
  ['accent', 'surface'],
  ['accent', 'bg'],
];

const NON_TEXT: [string, string][] = [
  ['border-strong', 'surface'],
  ['border-strong', 'bg'],
  ['border-strong', 'surface-2'],
  ['focus', 'surface'],
  ['focus', 'bg'],
  ['focus', 'accent-soft'],
  ['warning', 'surface'],
  ['warning', 'warning-soft'],
  ['progress', 'surface'],
  ['neutral', 'surface'],
  ['accent', 'surface'],
];

describe.each([
  ['light', ":root[data-theme='light']"],
  ['dark', ":root[data-theme='dark']"],
])('%s theme', (_name, selector) => {
  const tokens = block(selector);

  it.each(TEXT)('%s on %s is at least 4.5:1', (fg, bg) => {
    expect(tokens[fg], fg).toBeDefined();
    expect(tokens[bg], bg).toBeDefined();
    expect(contrast(tokens[fg]!, tokens[bg]!)).toBeGreaterThanOrEqual(4.5);
  });

  it.each(ENHANCED)('%s on %s is at least 7:1 (AAA)', (fg, bg) => {
    expect(tokens[fg], fg).toBeDefined();
    expect(tokens[bg], bg).toBeDefined();
    expect(contrast(tokens[fg]!, tokens[bg]!)).toBeGreaterThanOrEqual(7);
  });

  it.each(NON_TEXT)('%s against %s is at least 3:1', (fg, bg) => {
    expect(contrast(tokens[fg]!, tokens[bg]!)).toBeGreaterThanOrEqual(3);
  });
});

it('computes contrast like WCAG does', () => {
  expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
});
