import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PERSON, testCore } from '../services/support';
import { useCliSession } from './core-cli';

const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
const session = useCliSession(31);
const { run } = session;

describe('kyc-desk workspaces and the cache', () => {
  it('manages workspaces, syncs, shows cases offline, records decisions and verifies the audit trail', async () => {
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
        SETUP,
        '--base-url',
        session.sim.url,
        '--officer',
        'Olga Officer',
      ],
      'demo-secret\n',
    );
    expect(add).toMatchObject({ code: 0, err: '' });
    expect(add.prompts).toHaveLength(1);
    expect(add.out + add.prompts.join('')).not.toContain('demo-secret');
    const accounts = await session.keychain.store.accounts();
    expect(accounts.filter((a) => a.endsWith(':client-secret'))).toHaveLength(1);

    const wrong = await run(
      [
        'workspace',
        'add',
        '--name',
        'Wrong',
        '--env',
        'sandbox',
        '--client-id',
        'kyc-desk-demo',
        '--setup',
        SETUP,
        '--base-url',
        session.sim.url,
      ],
      'not-the-secret',
    );
    expect(wrong.code).toBe(0);
    const list = JSON.parse((await run(['workspace', 'list', '--json'])).out) as {
      workspaces: { id: string; name: string; hasSecret: boolean }[];
      activeId: string;
    };
    expect(list.workspaces.map((w) => [w.name, w.hasSecret])).toEqual([
      ['Sim', true],
      ['Wrong', true],
    ]);
    const sim1 = list.workspaces[0]!.id;
    expect(list.activeId).toBe(sim1);

    expect((await run(['workspace', 'use', 'wrong'])).out).toContain('Active workspace: Wrong');
    const refused = await run(['workspace', 'test']);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/did not accept the API client ID or secret/);
    expect(refused.err).not.toContain('not-the-secret');
    expect((await run(['workspace', 'use', sim1])).code).toBe(0);
    expect((await run(['workspace', 'test'])).out).toContain('Full KYC with consent');

    // Cases are created in the app; here through the same core on the same data directory.
    const core = await testCore(session.dataDir, session.keychain.store);
    await core.start({ polling: false });
    const created = await core.services.cases.create(PERSON);
    await core.close();

    const first = await run(['sync', '--once']);
    expect(first).toMatchObject({ code: 0, err: '' });
    expect(first.out).toMatch(/Checked 1 case\(s\)/);
    session.sim.control.advance(created.id, 'decide');
    const second = JSON.parse((await run(['sync', '--once', '--json'])).out) as {
      changed: number;
      imagesStored: number;
    };
    expect(second).toMatchObject({ changed: 1, imagesStored: 3 });

    const cases = JSON.parse((await run(['cases', '--json'])).out) as {
      rows: { id: string; kycStatus: string }[];
    };
    expect(cases.rows).toEqual([expect.objectContaining({ id: created.id, kycStatus: 'Approved' })]);
    expect((await run(['cases', '--search', 'petrait'])).out).toContain(created.id);
    expect((await run(['cases', '--status', 'Rejected'])).out).toBe('0 of 0 case(s)');

    await session.sim.stop();
    const shown = await run(['show', created.id]);
    expect(shown).toMatchObject({ code: 0, err: '' });
    expect(shown.out).toContain('Customer: Rasa Petraitienė');
    expect(shown.out).toContain('KYC: Approved');
    expect(shown.out).not.toContain('not cached');

    const badReason = await run([
      'decide',
      created.id,
      '--decision',
      'accept',
      '--reason',
      'underage',
      '--note',
      'x',
    ]);
    expect(badReason.code).toBe(1);
    const decided = await run([
      'decide',
      created.id,
      '--decision',
      'accept',
      '--reason',
      'verified',
      '--note',
      'Checked',
    ]);
    expect(decided).toMatchObject({ code: 0, out: `Recorded accept (verified) for case ${created.id}.` });
    expect((await run(['show', created.id])).out).toContain('Decision: accept (verified) by Olga Officer');
    expect((await run(['audit', 'verify'])).out).toMatch(/Audit trail intact: \d+ event\(s\) verified\./);
    const archive = join(session.dataDir, 'trail.jsonl');
    expect((await run(['audit', 'export', '--out', archive])).out).toMatch(/^Wrote \d+ audit event\(s\) to /);
    expect((await run(['audit', 'verify', '--against', archive])).code).toBe(0);
    expect(JSON.parse((await run(['audit', 'verify', '--json'])).out)).toMatchObject({
      ok: true,
      problems: [],
    });

    const removed = await run(['workspace', 'remove', 'Sim', '--yes']);
    expect(removed.code).toBe(0);
    expect((await session.keychain.store.accounts()).filter((a) => a.startsWith(sim1))).toEqual([]);
  });

  it('refuses a secret flag and an add without stdin', async () => {
    const flagged = await run([
      'workspace',
      'add',
      '--name',
      'X',
      '--env',
      'sandbox',
      '--client-secret',
      'oops',
    ]);
    expect(flagged.code).toBe(2);
    expect(flagged.err).not.toContain('oops');
    const noStdin = await run([
      'workspace',
      'add',
      '--name',
      'X',
      '--env',
      'sandbox',
      '--client-id',
      'c',
      '--setup',
      SETUP,
    ]);
    expect(noStdin.code).toBe(2);
    expect((await run(['sync'])).code).toBe(2);
  });
});
