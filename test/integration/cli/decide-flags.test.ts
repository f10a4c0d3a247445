import { describe, expect, it } from 'vitest';
import { PERSON, testCore } from '../services/support';
import { useCliSession } from './core-cli';

const SETUP = 'c3a0f7a2-6b1e-4b7e-9a51-1d2f3e4a5b61';
const NOTE = 'Marriage certificate seen; renewal booked before the account opens.';
const session = useCliSession(41);
const { run } = session;

const accept = (id: string, ...extra: string[]) =>
  run(['decide', id, '--decision', 'accept', '--reason', 'verified_manual_check', ...extra]);

describe('kyc-desk decide over risk flags', () => {
  it('lists the flags, refuses an accept that does not override each, records one that does', async () => {
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
    expect(add.code).toBe(0);
    const core = await testCore(session.dataDir, session.keychain.store);
    await core.start({ polling: false });
    const flagged = await core.services.cases.create(PERSON);
    const pending = await core.services.cases.create({ ...PERSON, firstName: 'Jonas' });
    await core.close();
    session.sim.control.setMismatch(flagged.id, { lastName: 'Petraitis', dateOfExpiration: '2021-01-31' });
    session.sim.control.advance(flagged.id, 'decide');
    expect((await run(['sync', '--once'])).code).toBe(0);

    const shown = await run(['show', flagged.id]);
    expect(shown.out).toMatch(/Risk flags \(\d+; an accept must override each/);
    expect(shown.out).toContain('[high] mismatch.lastName: Last name does not match the document');
    expect(shown.out).toContain('[high] document_expired: The document has expired — Expired on 2021-01-31');
    const json = JSON.parse((await run(['show', flagged.id, '--json'])).out) as {
      riskFlags: { code: string }[];
    };
    const codes = json.riskFlags.map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['mismatch.lastName', 'document_expired']));

    const bare = await accept(flagged.id, '--note', NOTE);
    expect(bare.code).toBe(1);
    expect(bare.err).toContain(`not reviewed: ${codes.join(', ')}`);

    const partial = await accept(
      flagged.id,
      '--note',
      NOTE,
      '--override',
      codes.filter((c) => c !== 'document_expired').join(','),
    );
    expect(partial.code).toBe(1);
    expect(partial.err).toMatch(/not reviewed: document_expired\./);

    const shortNote = await accept(flagged.id, '--note', 'ok', '--override-all-reviewed');
    expect(shortNote.code).toBe(1);
    expect(shortNote.err).toMatch(/at least 20 characters/);

    const both = await accept(flagged.id, '--note', NOTE, '--override-all-reviewed', '--override', 'x');
    expect(both.code).toBe(2);

    const done = await accept(flagged.id, '--note', NOTE, '--override', codes.join(' , '));
    expect(done).toMatchObject({ code: 0, err: '' });
    expect(done.out).toContain(`Overridden risk flags: ${codes.join(', ')}`);

    const refused = await accept(pending.id, '--note', NOTE, '--override-all-reviewed');
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/cannot be accepted: the customer has not completed the identity check/);
    const rejected = await run([
      'decide',
      pending.id,
      '--decision',
      'reject',
      '--reason',
      'customer_withdrew',
    ]);
    expect(rejected.code).toBe(0);
  });
});
