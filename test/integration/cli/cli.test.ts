import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { cli } from '../../support/cli';

const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
let sim: Simulator;
let env: Record<string, string>;
let dir: string;

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 7 });
  env = {
    ONDATO_ENV: 'simulator',
    ONDATO_SIMULATOR_URL: sim.url,
    ONDATO_CLIENT_ID: 'kyc-desk-demo',
    ONDATO_CLIENT_SECRET: 'demo-secret',
    ONDATO_SETUP_ID: SETUP,
  };
  dir = mkdtempSync(join(tmpdir(), 'kyc-cli-'));
});

afterAll(async () => {
  await sim.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function createCase(): Promise<{ id: string; customerUrl: string }> {
  const run = await cli(env, [
    'create',
    '--first-name',
    'Rasa',
    '--last-name',
    'Petraitienė',
    '--date-of-birth',
    '1990-01-01',
    '--personal-code',
    '49001010000',
    '--phone',
    '+370 624 51514',
    '--country',
    'lt',
    '--json',
  ]);
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.out) as { id: string; customerUrl: string };
}

describe('kyc-desk CLI against the simulator', () => {
  it('lists the setups', async () => {
    const run = await cli(env, ['setups']);
    expect(run.code).toBe(0);
    expect(run.out).toContain(`${SETUP}  Full KYC with consent`);
    expect(run.out).toContain('[disabled]');
  });

  it('creates a case, follows it through the lifecycle, downloads files and draws the QR code', async () => {
    const { id, customerUrl } = await createCase();
    expect(customerUrl).toBe(`${sim.url}/?id=${id}`);

    expect((await cli(env, ['status', id])).out).toContain(`IDV ${id}: Pending`);
    const early = await cli(env, ['kyc', id]);
    expect(early.code).toBe(1);
    expect(early.err).toBe('kyc-desk: The customer has not reached identification yet (IDV status Pending).');

    sim.control.advance(id, 'submit');
    const kycRun = await cli(env, ['kyc', id, '--json']);
    const kyc = JSON.parse(kycRun.out) as {
      status: string;
      statusReason: string;
      document: { lastName: string };
    };
    expect(kyc).toMatchObject({ status: 'Awaiting', statusReason: 'Processing' });
    expect(kyc.document.lastName).toBe('Petraitienė');

    sim.control.setOutcome(id, { status: 'Rejected', statusReason: 'DocumentExpired' });
    sim.control.advance(id, 'decide');
    expect((await cli(env, ['status', id])).out).toContain(': Completed');
    expect((await cli(env, ['kyc', id])).out).toContain(': Rejected (DocumentExpired)');

    const out = join(dir, 'images');
    const files = await cli(env, ['files', id, '--out', out]);
    expect(files.code).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['back.jpg', 'front.jpg', 'selfie.png']);
    expect(readFileSync(join(out, 'front.jpg')).subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));

    const qrFile = join(dir, 'qr.png');
    expect((await cli(env, ['qr', id, '--out', qrFile])).code).toBe(0);
    const png = PNG.sync.read(readFileSync(qrFile));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(customerUrl);
    expect((await cli(env, ['url', id])).out).toBe(customerUrl);
  });

  it('refuses a non-image file instead of saving it', async () => {
    const { id } = await createCase();
    sim.control.advance(id, 'submit');
    sim.control.addFault({ route: 'kyc.file', kind: 'html', times: 1 });
    const out = join(dir, 'html');
    const run = await cli(env, ['files', id, '--out', out]);
    expect(run.code).toBe(1);
    expect(run.err.split('\n')).toHaveLength(1);
    expect(readdirSync(out)).toHaveLength(0);
  });

  it('prints one line per expected error and exits non-zero, without stack traces', async () => {
    const cases: [Record<string, string>, string[], number, RegExp][] = [
      [env, ['frobnicate'], 2, /Unknown command "frobnicate"/],
      [env, ['status'], 2, /needs exactly one IDV id/],
      [env, ['status', 'x', '--bogus'], 2, /Unknown option '--bogus'/],
      [{}, ['setups'], 1, /Set ONDATO_ENV/],
      [
        { ...env, ONDATO_CLIENT_SECRET: 'wrong-secret' },
        ['setups'],
        1,
        /did not accept the API client ID or secret/,
      ],
      [{ ...env, ONDATO_SIMULATOR_URL: 'http://10.1.2.3:4010' }, ['setups'], 1, /ONDATO_SIMULATOR_URL/],
      [env, ['status', '00000000-0000-4000-8000-000000000000'], 1, /could not find/],
      [env, ['create', '--first-name', 'A', '--phone', 'call me'], 1, /phone number must be/],
      [env, ['create', '--first-name', 'A', '--date-of-birth', '1990-02-30'], 1, /not accepted/],
    ];
    for (const [vars, args, code, pattern] of cases) {
      const run = await cli(vars, args);
      expect({ args, code: run.code }).toEqual({ args, code });
      expect(run.err).toMatch(pattern);
      expect(run.err).not.toMatch(/\n\s+at /);
      expect(run.err).not.toContain('wrong-secret');
    }
  });

  it('shows field messages for a validation error', async () => {
    const run = await cli(env, ['create', '--first-name', 'A', '--date-of-birth', '1990-02-30']);
    expect(run.err).toContain('registration.dateOfBirth');
  });
});
