import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
import * as casesRepo from '../../../src/main/db/repos/cases';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { coreCli } from '../cli/core-cli';
import {
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from '../services/support';
import { pdfText } from './pdf-tools';

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let wsId: string;

/** Values a spreadsheet would otherwise evaluate, split or mangle; each lands in a cell of the register. */
const HOSTILE: { id: string; ref: string; first: string; last: string }[] = [
  { id: 'case-formula', ref: '=HYPERLINK("http://evil.example","open")', first: 'Ørjan', last: 'Šimkutė' },
  { id: 'case-plus', ref: '+1', first: '@SUM(A1:A9)', last: 'Łukasiewicz' },
  { id: 'case-minus', ref: '-2', first: 'Νίκος', last: 'Παπαδόπουλος' },
  { id: 'case-tab', ref: '\tTAB-1', first: 'Quote "the" name, please', last: 'Line\nbreak' },
  { id: 'case-cr', ref: '\rCR-1', first: 'محمد', last: 'عبد الله' },
];

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 12 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store);
  await core.start({ polling: false });
  wsId = (await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'demo-secret' }))
    .id;
  HOSTILE.forEach((c, i) =>
    casesRepo.insertCreated(core.db, wsId, {
      idvId: c.id,
      externalRef: c.ref,
      setupId: null,
      registration: { firstName: c.first, lastName: c.last },
      createdUtc: new Date(Date.UTC(2026, 0, 1 + i)).toISOString(),
    }),
  );
  core.services.review.decide({
    caseId: 'case-formula',
    decision: 'reject',
    reasonCode: 'suspected_fraud',
    note: '',
    overriddenFlags: [],
  });
  // Escalated: an accept is refused while the IDV is not Completed.
  core.services.review.decide({
    caseId: 'case-minus',
    decision: 'escalate',
    reasonCode: 'needs_second_opinion',
    note: '',
    overriddenFlags: [],
  });
});

afterAll(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

type Row = Record<string, string>;

function readRegister(raw: Buffer): Row[] {
  return parse(raw, { bom: true, columns: true, relax_column_count: false }) as Row[];
}

describe('case register (CSV)', () => {
  it('opens correctly in a spreadsheet: BOM, RFC 4180 quoting, neutralised formulas, Unicode intact', () => {
    const out = join(data.dir, 'register.csv');
    const result = core.services.exports.registerCsv({ sort: 'created', dir: 'asc' }, out);
    expect(result).toMatchObject({ status: 'written', path: out, cases: HOSTILE.length });
    const raw = readFileSync(out);
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');

    const rows = readRegister(raw);
    expect(rows.map((r) => r['Case ID (Ondato IDV)'])).toEqual(HOSTILE.map((c) => c.id));
    const byId = new Map(rows.map((r) => [r['Case ID (Ondato IDV)']!, r]));
    expect(byId.get('case-formula')!['External reference']).toBe(
      '\'=HYPERLINK("http://evil.example","open")',
    );
    expect(byId.get('case-plus')!['External reference']).toBe("'+1");
    expect(byId.get('case-minus')!['External reference']).toBe("'-2");
    expect(byId.get('case-tab')!['External reference']).toBe("'\tTAB-1");
    expect(byId.get('case-cr')!['External reference']).toBe("'\rCR-1");
    expect(byId.get('case-plus')!['Customer name']).toBe("'@SUM(A1:A9) Łukasiewicz");
    // Quotes, commas and a newline inside one field survive the round trip.
    expect(byId.get('case-tab')!['Customer name']).toBe('Quote "the" name, please Line\nbreak');
    expect(byId.get('case-formula')!['Customer name']).toBe('Ørjan Šimkutė');
    expect(byId.get('case-minus')!['Customer name']).toBe('Νίκος Παπαδόπουλος');
    expect(byId.get('case-cr')!['Customer name']).toBe('محمد عبد الله');
    expect(byId.get('case-formula')).toMatchObject({
      'Officer decision': 'reject',
      'Decision reason': 'Suspected fraud',
      Officer: 'Olga Officer',
      'IDV status': 'Pending',
    });
    expect(byId.get('case-formula')!['Decided at (UTC)']).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/,
    );
    expect(byId.get('case-plus')!['Officer decision']).toBe('');

    const event = auditRepo.listForWorkspace(core.db, wsId, { limit: 1 })[0]!;
    expect(event).toMatchObject({
      action: 'export.case_register',
      caseId: null,
      details: { format: 'csv', where: out, cases: HOSTILE.length, caseIds: HOSTILE.map((c) => c.id) },
    });
  });

  it('applies the list filters', () => {
    const out = join(data.dir, 'decided.csv');
    core.services.exports.registerCsv({ decision: ['accept', 'reject', 'escalate'] }, out);
    const ids = readRegister(readFileSync(out)).map((r) => r['Case ID (Ondato IDV)']);
    expect(ids.sort()).toEqual(['case-formula', 'case-minus']);
  });
});

describe('CLI exports', () => {
  const run = (args: string[]) => coreCli([...args, '--data-dir', data.dir], { secrets: keychain.store });

  it('prints the register to standard output and writes it with --out, filtered, each run audited', async () => {
    const printed = await run(['cases', '--csv', '--undecided']);
    expect(printed.err).toBe('');
    expect(printed.code).toBe(0);
    const rows = parse(printed.out, { bom: true, columns: true }) as Row[];
    expect(rows.map((r) => r['Case ID (Ondato IDV)']).sort()).toEqual(['case-cr', 'case-plus', 'case-tab']);
    expect(auditRepo.listForWorkspace(core.db, wsId, { limit: 1 })[0]).toMatchObject({
      action: 'export.case_register',
      details: { where: 'standard output', cases: 3 },
    });

    const written = await run(['cases', '--csv', '--search', 'Šimkutė', '--out', join(data.dir, 'cli.csv')]);
    expect(written.code).toBe(0);
    expect(written.out).toContain('1 case(s)');
    expect(
      readRegister(readFileSync(join(data.dir, 'cli.csv'))).map((r) => r['Case ID (Ondato IDV)']),
    ).toEqual(['case-formula']);

    const wrong = await run(['cases', '--csv', '--decided', '--undecided']);
    expect(wrong.code).toBe(2);
  });

  it('writes an evidence pack with export <idvId> --out, stamped with the package version', async () => {
    const out = join(data.dir, 'cli-evidence.pdf');
    const result = await run(['export', 'case-minus', '--out', out]);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toContain(out);
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'package.json'), 'utf8')) as {
      version: string;
    };
    const text = pdfText(out);
    expect(text).toContain(`KYC Desk ${pkg.version}`);
    expect(text).toContain('Παπαδόπουλος');

    const missing = await run(['export', 'case-minus']);
    expect(missing.code).toBe(2);
    expect(missing.err).toContain('--out');
  });
});
