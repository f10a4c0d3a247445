import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { cli } from '../../support/cli';
import { firstFileId, startHostileProxy, type HostileProxy } from '../../support/hostile-proxy';
import { tempDataDir, testKeychain, type TestKeychain } from '../services/support';
import { coreCli } from './core-cli';

/*
 * Bounded input on the command line: what Ondato sends cannot write outside --out or drive the
 * terminal, a decision goes through the IPC schema, and a registration can come from stdin or a file.
 * Ondato is the simulator behind a loopback proxy that rewrites the KYC identification.
 */

const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
let sim: Simulator;
let proxy: HostileProxy;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 23 });
  proxy = await startHostileProxy(sim.url);
  env = {
    ONDATO_ENV: 'simulator',
    ONDATO_SIMULATOR_URL: proxy.url,
    ONDATO_CLIENT_ID: 'kyc-desk-demo',
    ONDATO_CLIENT_SECRET: 'demo-secret',
    ONDATO_SETUP_ID: SETUP,
  };
  dir = mkdtempSync(join(tmpdir(), 'kyc-cli-input-'));
});

afterAll(async () => {
  await proxy.stop();
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

beforeEach(() => {
  proxy.kyc = null;
});

async function submittedCase(): Promise<string> {
  const run = await cli(env, ['create', '--first-name', 'Rasa', '--last-name', 'Petraitienė', '--json']);
  expect(run.code).toBe(0);
  const { id } = JSON.parse(run.out) as { id: string };
  sim.control.advance(id, 'submit');
  return id;
}

describe('files --out DIR with hostile file ids', () => {
  it('writes only inside DIR, with names from a safe alphabet', async () => {
    const id = await submittedCase();
    proxy.kyc = (kyc) => {
      const real = firstFileId(kyc);
      const hostile = ['/../../X', '../../../../tmp/evil', 'a/b\\c'];
      for (const fileId of hostile) proxy.aliases.set(fileId, real);
      const document = kyc['document'] as Record<string, unknown>;
      const files = [
        { fileId: real, part: 'Front', fileType: 'DocumentPhoto' },
        ...hostile.map((fileId) => ({
          fileId,
          part: 'Front',
          fileType: 'DocumentPhoto',
          fileName: '../x.jpg',
        })),
        { fileId: '/../../X', part: '../../..\u202e', fileType: null },
      ];
      return JSON.stringify({ ...kyc, document: { ...document, files }, additionalFiles: [] });
    };
    const parent = join(dir, 'files-parent');
    const out = join(parent, 'a', 'out');
    mkdirSync(out, { recursive: true });
    const run = await cli(env, ['files', id, '--out', out]);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(readdirSync(parent)).toEqual(['a']);
    expect(readdirSync(join(parent, 'a'))).toEqual(['out']);
    const names = readdirSync(out).sort();
    expect(names).toEqual(['file.jpg', 'front-2.jpg', 'front-3.jpg', 'front-4.jpg', 'front.jpg']);
    for (const name of names) expect(name).toMatch(/^[a-z0-9-]+\.(jpg|png|pdf)$/);
  });
});

/** What must never reach a terminal raw: controls (but the line break between lines), C1, bidi. */
const TERMINAL_ACTIVE = new RegExp(
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  '[\\u0000-\\u0009\\u000b-\\u001f\\u007f-\\u009f\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]',
);

describe('terminal-active characters from Ondato', () => {
  const hostileName = 'Ru\u001b[2J\u001b]0;owned\u0007ta\u202e\u2066x\u2069\u200f\u0085\u009b31m';

  it('are stripped from text output and escaped in --json', async () => {
    const id = await submittedCase();
    proxy.kyc = (kyc) => {
      const document = kyc['document'] as Record<string, unknown>;
      return JSON.stringify({
        ...kyc,
        statusReason: 'Processing\u001b[31m\nRule DocumentNotExpired: Success',
        document: { ...document, firstName: hostileName },
      });
    };
    const text = await cli(env, ['kyc', id]);
    expect(text.code).toBe(0);
    expect(text.out).toContain('Name: Rutax ');
    // No escape, C1, bidi or line-forging character reaches the terminal.
    expect(text.out).not.toMatch(TERMINAL_ACTIVE);
    // A line break from Ondato cannot forge a line of its own.
    expect(text.out.split('\n')[0]).toMatch(
      /^KYC [0-9a-f-]+: Awaiting \(Processing Rule DocumentNotExpired: Success\)$/,
    );

    const json = await cli(env, ['kyc', id, '--json']);
    expect(json.out).not.toMatch(TERMINAL_ACTIVE);
    const parsed = JSON.parse(json.out) as { document: { firstName: string } };
    expect(parsed.document.firstName).toBe(hostileName);
  });

  it('are stripped from error lines that quote the officer', async () => {
    const run = await cli(env, ['no\u001b[31mpe\u202e']);
    expect(run.code).toBe(2);
    expect(run.err).toContain('Unknown command "nope"');
  });
});

describe('create --from-json', () => {
  const registration = {
    firstName: 'Rasa',
    lastName: 'Petraitienė',
    dateOfBirth: '1990-01-01',
    personalCode: '49001010000',
    phone: '+370 624 51514',
    countryCode: 'lt',
  };

  it('reads the registration from stdin, validated like the app form', async () => {
    const run = await cli(env, ['create', '--from-json', '-', '--json'], dir, JSON.stringify(registration));
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const { id } = JSON.parse(run.out) as { id: string };
    const idv = JSON.parse((await cli(env, ['status', id, '--json'])).out) as {
      registration: Record<string, unknown>;
    };
    expect(idv.registration).toMatchObject({
      firstName: 'Rasa',
      lastName: 'Petraitienė',
      dateOfBirth: '1990-01-01',
      personalCode: '49001010000',
      phoneNumber: 37062451514,
      countryCode: 'LT',
    });
  });

  it('reads it from a file too', async () => {
    const file = join(dir, 'registration.json');
    writeFileSync(file, JSON.stringify({ ...registration, externalRef: 'FILE-1' }));
    const run = await cli(env, ['create', '--from-json', 'registration.json', '--json'], dir);
    expect(run.code).toBe(0);
    const { id } = JSON.parse(run.out) as { id: string };
    const idv = JSON.parse((await cli(env, ['status', id, '--json'])).out) as { externalReferenceId: string };
    expect(idv.externalReferenceId).toBe('FILE-1');
  });

  it('refuses a bad registration field by field and sends nothing to Ondato', async () => {
    sim.control.clearRequests();
    const bad = { firstName: 'R2D2', dateOfBirth: '1990-02-30', email: 'nope', nickname: 'x' };
    const run = await cli(env, ['create', '--from-json', '-'], dir, JSON.stringify(bad));
    expect(run.code).toBe(1);
    expect(run.err).toContain('kyc-desk: The registration has errors; nothing was sent to Ondato:');
    expect(run.err).toContain(
      '  firstName: First name can hold letters, spaces, hyphens and apostrophes only.',
    );
    expect(run.err).toContain("  lastName: Enter the customer's last name.");
    expect(run.err).toContain('  email: Enter an e-mail address like name@example.com.');
    expect(run.err).toContain('Unknown field(s): nickname.');
    expect(sim.control.requests().filter((r) => r.route === 'idv.create')).toEqual([]);

    const notJson = await cli(env, ['create', '--from-json', '-'], dir, '{"firstName": ');
    expect(notJson.code).toBe(1);
    expect(notJson.err).toContain('The registration is not valid JSON');
    const mixed = await cli(env, ['create', '--from-json', '-', '--first-name', 'Rasa'], dir, '{}');
    expect(mixed.code).toBe(2);
  });
});

describe('decide from the command line', () => {
  let keychain: TestKeychain;
  let data: { dir: string; remove(): void };
  beforeAll(() => {
    keychain = testKeychain();
    data = tempDataDir();
  });
  afterAll(async () => {
    await keychain.cleanup();
    data.remove();
  });
  const run = (args: string[]) =>
    coreCli([...args, '--data-dir', data.dir], {
      secrets: keychain.store,
      env: { ...env, ONDATO_SIMULATOR_URL: sim.url },
    });

  it('show tells the officer when Ondato sent more than KYC Desk keeps', async () => {
    const viaProxy = (args: string[]) =>
      coreCli([...args, '--data-dir', data.dir], { secrets: keychain.store, env });
    const created = await viaProxy([
      'create',
      '--first-name',
      'Rasa',
      '--last-name',
      'Petraitienė',
      '--track',
      '--json',
    ]);
    expect(created.code).toBe(0);
    const { id } = JSON.parse(created.out) as { id: string };
    sim.control.advance(id, 'submit');
    proxy.kyc = (kyc) => {
      const real = firstFileId(kyc);
      const additionalFiles = Array.from({ length: 5_000 }, (_, i) => {
        const fileId = `extra-${i}`;
        proxy.aliases.set(fileId, real);
        return { fileId, part: 'Other' };
      });
      return JSON.stringify({ ...kyc, additionalFiles });
    };
    const synced = await viaProxy(['sync', '--once']);
    expect(synced.err).toBe('');
    expect(synced.code).toBe(0);
    const shown = await viaProxy(['show', id]);
    expect(shown.code).toBe(0);
    expect(shown.out).toContain(
      'Ondato listed more files than KYC Desk keeps; only the first 50 were stored.',
    );
  });

  it('lists the reason codes it accepts when the code is wrong', async () => {
    const result = await run(['decide', 'some-case', '--decision', 'reject', '--reason', 'verified']);
    expect(result.code).toBe(1);
    expect(result.err).toContain(
      'Use one of: data_mismatch, document_expired, document_unreadable, face_mismatch, underage, suspected_fraud, customer_withdrew.',
    );
    expect(result.err).not.toContain('Data does not match the document');
  });

  it('applies the IPC schema limits', async () => {
    const result = await run([
      'decide',
      'some-case',
      '--decision',
      'escalate',
      '--reason',
      'other',
      '--note',
      'x'.repeat(4001),
    ]);
    expect(result.code).toBe(1);
    expect(result.err).toContain('  --note: The note can be at most 4000 characters.');
  });
});
