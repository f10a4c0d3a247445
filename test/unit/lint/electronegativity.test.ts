import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error: a plain ESM script without type declarations
import { judge, loadSuppressions, parseFindings, scan } from '../../../scripts/electronegativity.mjs';

/*
 * The Electronegativity gate of `npm run lint`. The pure parts (suppressions, judging) are checked on
 * data; one real scan of a fixture shows why webPreferences are written at the BrowserWindow call:
 * from a helper the scanner cannot see them and reports HIGH findings, as a literal with Auxclick
 * disabled it reports none of those.
 */

interface Finding {
  check: string;
  severity: string;
  file: string;
  sample: string;
}

const dir = mkdtempSync(join(tmpdir(), 'kyc-desk-eneg-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const suppression = {
  check: 'OPEN_EXTERNAL_JS_CHECK',
  files: ['src/main/services/links.ts'],
  sample: 'ctx.shell.openExternal(url)',
  reason: 'The URL is pinned to the workspace customer host before this line.',
};

function finding(overrides: Partial<Finding>): Finding {
  return {
    check: 'OPEN_EXTERNAL_JS_CHECK',
    severity: 'MEDIUM',
    file: 'src/main/services/links.ts',
    sample: 'await ctx.shell.openExternal(url);',
    ...overrides,
  };
}

describe('judge', () => {
  it('accepts a suppressed finding and fails on any other HIGH/MEDIUM one', () => {
    const result = judge(
      [
        finding({}),
        finding({ file: 'src/main/other.ts' }),
        finding({ check: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH', sample: 'new BrowserWindow({' }),
        finding({ check: 'CSP_GLOBAL_CHECK', severity: 'LOW', sample: '' }),
      ],
      [suppression],
    );
    expect(result.accepted).toHaveLength(1);
    expect(result.failing.map((f: Finding) => `${f.check} ${f.file}`)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK src/main/other.ts',
      'CONTEXT_ISOLATION_JS_CHECK src/main/services/links.ts',
    ]);
    expect(result.info).toHaveLength(1);
    expect(result.unused).toEqual([]);
  });

  it('reports a suppression that matches nothing', () => {
    expect(judge([], [suppression]).unused).toEqual([suppression]);
  });
});

describe('parseFindings', () => {
  // The scanner writes a multi-line CSP sample unescaped; which record it tears depends on its order.
  const header = 'issue, severity, confidence, filename, location, sample, description, url';
  it('drops the fragments of a torn LOW record and keeps the whole ones', () => {
    const csv = [
      header,
      '"Failed to parse CSP, it may not be valid.",https://example.org/wiki',
      'OPEN_EXTERNAL_JS_CHECK,"MEDIUM","TENTATIVE","main/index.ts","58:8","await shell.openExternal(url);","Review",https://example.org/wiki',
      '',
    ].join('\n');
    expect((parseFindings(csv, 'src') as Finding[]).map((f) => `${f.check} ${f.severity}`)).toEqual([
      'OPEN_EXTERNAL_JS_CHECK MEDIUM',
    ]);
  });

  it('refuses to drop a fragment that carries a HIGH or MEDIUM finding', () => {
    const csv = [header, '"torn","HIGH",https://example.org/wiki', ''].join('\n');
    expect(() => parseFindings(csv, 'src')).toThrow(/torn HIGH\/MEDIUM/);
  });
});

describe('suppressions file', () => {
  it('refuses an entry without a written reason', () => {
    const file = join(dir, 'suppressions.json');
    writeFileSync(file, JSON.stringify({ suppressions: [{ ...suppression, reason: '' }] }));
    expect(() => loadSuppressions(file)).toThrow(/has no reason/);
    writeFileSync(file, JSON.stringify({ suppressions: [{ ...suppression, reason: 'fine' }] }));
    expect(() => loadSuppressions(file)).toThrow(/needs a real reason/);
  });

  it('the checked-in file is valid', () => {
    const entries = loadSuppressions(join(__dirname, '../../../scripts/electronegativity-suppressions.json'));
    expect(entries.length).toBeGreaterThan(0);
  });
});

describe('scanner on window fixtures', () => {
  const helper = `
const { BrowserWindow } = require('electron');
function prefs(preload) { return { preload, contextIsolation: true, sandbox: true, nodeIntegration: false }; }
exports.open = () => new BrowserWindow({ webPreferences: prefs('/p.js') });
`;
  const literal = `
const { BrowserWindow } = require('electron');
exports.open = () => new BrowserWindow({
  webPreferences: {
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    disableBlinkFeatures: 'Auxclick',
  },
});
`;

  async function checksOf(name: string, source: string): Promise<string[]> {
    const input = join(dir, name);
    rmSync(input, { recursive: true, force: true });
    mkdirSync(input);
    writeFileSync(join(input, 'window.js'), source);
    const csv: string = await scan(input, join(dir, `${name}.csv`));
    return (parseFindings(csv, name) as Finding[])
      .filter((f) => f.severity === 'HIGH' || f.severity === 'MEDIUM')
      .filter((f) => f.file.endsWith('window.js'))
      .map((f) => f.check)
      .sort();
  }

  it('sees through a literal but not through a helper', { timeout: 120_000 }, async () => {
    // One scan at a time: two scanner processes side by side once produced a torn CSV.
    const fromHelper = await checksOf('helper', helper);
    const fromLiteral = await checksOf('literal', literal);
    expect(fromHelper).toEqual(expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'AUXCLICK_JS_CHECK']));
    expect(fromLiteral).toEqual([]);
  });
});
