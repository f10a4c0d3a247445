import { describe, expect, it } from 'vitest';
import { createOndatoClient, resolveEndpoints } from '../../../src/main/ondato';
import { FULL_KYC_SETUP } from '../services/support';
import { useCliSession } from './core-cli';

const session = useCliSession(52);
const { run } = session;

describe('kyc-desk retention, redact and import', () => {
  it('imports an IDV made elsewhere, redacts it only with --yes and shows it honestly', async () => {
    const add = await run(
      [
        'workspace',
        'add',
        '--name',
        'Sim',
        '--env',
        'sandbox',
        '--client-id',
        'kyc-desk-demo',
        '--setup',
        FULL_KYC_SETUP,
        '--base-url',
        session.sim.url,
      ],
      'demo-secret\n',
    );
    expect(add).toMatchObject({ code: 0 });
    const outside = createOndatoClient({
      endpoints: resolveEndpoints('simulator', { baseUrl: session.sim.url }),
      credentials: { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' },
    });
    const { id } = await outside.createIdv({
      setupId: FULL_KYC_SETUP,
      registration: { firstName: 'Vaida', lastName: 'Portalienė', personalCode: '48505050000' },
    });
    session.sim.control.advance(id, 'decide');

    const imported = await run(['import', id, '--json']);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ lines: [{ idvId: id, outcome: 'imported' }] });
    expect((await run(['import', id])).out).toContain('exists');
    expect((await run(['import'])).code).toBe(2);
    expect((await run(['sync', '--once'])).code).toBe(0);
    expect((await run(['show', id])).out).toContain('Portalienė');

    const refused = await run(['redact', id]);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--yes');
    expect((await run(['show', id])).out).toContain('Portalienė');

    const redacted = await run(['redact', id, '--yes']);
    expect(redacted).toMatchObject({ code: 0, err: '' });
    const shown = await run(['show', id]);
    expect(shown.out).toMatch(/Redacted at Ondato on \d{4}-\d{2}-\d{2}/);
    expect(shown.out).toMatch(/SHA-256 [0-9a-f]{64}/);
    expect(shown.out).not.toContain('Portalien');
    expect(shown.out).not.toContain('Customer:');
    expect((await run(['audit', 'verify'])).code).toBe(0);
  });

  it('sets a retention period and shows what a run would remove without removing it', async () => {
    expect((await run(['retention', 'set'])).code).toBe(2);
    const set = await run(['retention', 'set', '--days', '1826']);
    expect(set).toMatchObject({ code: 0 });
    expect(set.out).toContain('5 years');
    const dry = await run(['retention', 'run', '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.out)).toMatchObject({ days: 1826, dryRun: true, cases: [] });
    expect((await run(['retention', 'set', '--days', 'off'])).out).toContain('off');
    expect((await run(['retention', 'run'])).out).toContain('Retention is off');
  });
});
