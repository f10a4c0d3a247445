import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch } from '../../../src/main/ipc/handle';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { calendarDate } from '../../../src/shared/domain/dates';
import { computeRiskFlags } from '../../../src/shared/domain/risk-flags';
import {
  PERSON,
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from './support';

/*
 * The accept guard through the real handler map (zod contract, service, repo) against a real
 * encrypted SQLite cache and the simulator over HTTP: main decides what the flags are, not the caller.
 */

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 33 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store);
  await core.start({ polling: false });
  await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'demo-secret' });
});

afterEach(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

const NOTE = 'Checked the document in person at the branch; the surname changed on marriage.';

function decide(input: {
  caseId: string;
  decision: 'accept' | 'reject' | 'escalate';
  reasonCode: string;
  note?: string;
  overriddenFlags?: string[];
}) {
  return dispatch(core.handlers, 'review:decide', { note: '', ...input });
}

function currentFlags(caseId: string) {
  return computeRiskFlags(core.services.cases.get(caseId), { decisionDate: calendarDate(Date.now()) });
}

/** A case Ondato has decided whose document carries a different surname and an expired date. */
async function flaggedCase(): Promise<string> {
  const view = await core.services.cases.create(PERSON);
  sim.control.setMismatch(view.id, { lastName: 'Petraitis', dateOfExpiration: '2021-01-31' });
  sim.control.advance(view.id, 'decide');
  await core.services.cases.refresh(view.id);
  expect(core.services.cases.get(view.id).idvStatus).toBe('Completed');
  return view.id;
}

describe('guarded decisions', () => {
  it('refuses to accept a case whose IDV is not Completed, whatever the caller overrides', async () => {
    const view = await core.services.cases.create(PERSON);
    const flags = currentFlags(view.id);
    expect(flags.map((f) => f.code)).toContain('idv_not_completed');

    const refused = await decide({
      caseId: view.id,
      decision: 'accept',
      reasonCode: 'verified',
      note: NOTE,
      overriddenFlags: flags.map((f) => f.code),
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'accept_refused',
        fields: { decision: [expect.stringMatching(/^idv_not_completed: /)] },
      },
    });
    expect(core.services.review.decisions(view.id)).toEqual([]);

    // Reject and escalate need no override; the flags the case had are kept with the decision.
    const rejected = await decide({ caseId: view.id, decision: 'reject', reasonCode: 'customer_withdrew' });
    expect(rejected).toMatchObject({ ok: true, value: { decision: 'reject', overriddenFlags: [] } });
    expect(core.services.review.decisions(view.id)[0]?.riskFlags.map((f) => f.code)).toContain(
      'idv_not_completed',
    );
  });

  it('refuses an accept that does not tick every current flag, and lists the ones left', async () => {
    const id = await flaggedCase();
    const codes = currentFlags(id).map((f) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['mismatch.lastName', 'document_expired']));

    // The caller claiming there are no flags changes nothing: main recomputes them from the cache.
    const none = await decide({ caseId: id, decision: 'accept', reasonCode: 'verified', note: NOTE });
    expect(none).toMatchObject({ ok: false, error: { code: 'flags_not_reviewed' } });
    if (none.ok) throw new Error('accepted');
    expect(none.error.fields?.overriddenFlags?.map((line) => line.split(':')[0])).toEqual(codes);
    expect(none.error.message).not.toContain('Petraitis');

    const partial = await decide({
      caseId: id,
      decision: 'accept',
      reasonCode: 'verified',
      note: NOTE,
      overriddenFlags: codes.filter((c) => c !== 'document_expired'),
    });
    expect(partial).toMatchObject({
      ok: false,
      error: {
        code: 'flags_not_reviewed',
        fields: { overriddenFlags: [expect.stringMatching(/^document_expired: /)] },
      },
    });
    expect(core.services.review.decisions(id)).toEqual([]);
  });

  it('needs a note of at least the minimum length to accept over flags', async () => {
    const id = await flaggedCase();
    const codes = currentFlags(id).map((f) => f.code);
    const short = await decide({
      caseId: id,
      decision: 'accept',
      reasonCode: 'verified',
      note: '   looks fine      ',
      overriddenFlags: codes,
    });
    expect(short).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { note: [expect.any(String)] } },
    });
    expect(core.services.review.decisions(id)).toEqual([]);
  });

  it('records an accept whose every flag is ticked, with the flags present and those overridden', async () => {
    const id = await flaggedCase();
    const codes = currentFlags(id).map((f) => f.code);
    const accepted = await decide({
      caseId: id,
      decision: 'accept',
      reasonCode: 'verified_manual_check',
      note: NOTE,
      overriddenFlags: [...codes, 'not_a_current_flag'],
    });
    expect(accepted).toMatchObject({ ok: true, value: { decision: 'accept', overriddenFlags: codes } });

    // Read back from the database, not from the returned record.
    const [stored] = core.services.review.decisions(id);
    expect(stored?.overriddenFlags).toEqual(codes);
    expect(stored?.riskFlags.map((f) => f.code)).toEqual(codes);
    expect(stored?.riskFlags.find((f) => f.code === 'document_expired')).toMatchObject({
      severity: 'high',
      detail: 'Expired on 2021-01-31',
    });
    const [event] = core.services.audit.list({ caseId: id, limit: 1 });
    expect(event).toMatchObject({ action: 'decision.recorded', details: { overriddenFlags: codes } });
  });

  it('takes the overrides as part of the validated contract', async () => {
    const id = await flaggedCase();
    expect(
      await dispatch(core.handlers, 'review:decide', {
        caseId: id,
        decision: 'accept',
        reasonCode: 'verified',
        note: NOTE,
        overriddenFlags: 'all',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { overriddenFlags: [expect.any(String)] } },
    });
  });
});
