import { calendarDate } from '../../../src/shared/domain/dates';
import { computeRiskFlags } from '../../../src/shared/domain/risk-flags';
import { createHash } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
import type { Timers } from '../../../src/main/sync/options';
import type { NewCaseForm } from '../../../src/shared/validation/registration';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { imageSlices, scanDataDir, scanDecrypted, type Needles } from './purge-scan';
import {
  PERSON,
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from './support';

const DAY = 86_400_000;
const OTHER = {
  firstName: 'Jonas',
  lastName: 'Kazlauskienis',
  personalCode: '38501010000',
  countryCode: 'lt',
};
const THIRD = { firstName: 'Ona', lastName: 'Žemaitytė', personalCode: '47002020000', countryCode: 'lt' };

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let wsId: string;
/** The core's clock: real time (sync's rate limiter refills on it) moved on by the test. */
let offset: number;
const clock = { now: () => Date.now() + offset };
/** The core's retention timer, fired by hand: the test moves the clock, nothing waits for real. */
let due: Array<() => void>;

const timers: Timers = {
  setTimeout: (callback) => {
    due.push(callback);
    const handle = setTimeout(() => undefined, 0);
    clearTimeout(handle);
    return handle;
  },
  clearTimeout: () => undefined,
};

beforeEach(async () => {
  offset = 0;
  due = [];
  sim = await startSimulator({ port: 0, seed: 33 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store, { clock, timers });
  core.services.settings.set({ polling: false });
  await core.start();
  wsId = (await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'demo-secret' }))
    .id;
});

afterEach(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

/** A case Ondato approved, with its document and images in the cache. */
async function decidedUpstream(person: NewCaseForm): Promise<string> {
  const view = await core.services.cases.create(person);
  sim.control.advance(view.id, 'decide');
  await core.services.cases.refresh(view.id);
  expect(core.services.cases.get(view.id).kyc?.files.every((f) => f.cached)).toBe(true);
  return view.id;
}

/** The case's name, personal code and image bytes as the cache holds them now. */
function needlesOf(caseId: string, lastName: string, code: string): Needles & { hashes: string[] } {
  const c = core.services.cases.get(caseId);
  const files = c.kyc?.files ?? [];
  expect(files.length).toBeGreaterThan(0);
  const images = files.map((f) => core.services.cases.image(caseId, f.fileId).bytes);
  const ascii = lastName.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return {
    bytes: {
      name: Buffer.from(lastName, 'utf8'),
      ...Object.assign({}, ...images.map((b, i) => imageSlices(`image${i}`, b))),
    },
    // The search index keeps folded tokens; the MRZ and file names use upper-case ASCII.
    text: { 'folded name': ascii.slice(0, -1), 'personal code': code },
    hashes: images.map((b) => createHash('sha256').update(b).digest('hex')),
  };
}

/** An accept ticks every current risk flag as reviewed, as the officer must (ADR 0009). */
const decide = (caseId: string, decision: 'accept' | 'reject' | 'escalate', reasonCode: string) => {
  const flags =
    decision === 'accept'
      ? computeRiskFlags(core.services.cases.get(caseId), { decisionDate: calendarDate(clock.now()) }).map(
          (f) => f.code,
        )
      : [];
  return core.services.review.decide({
    caseId,
    decision,
    reasonCode,
    note: flags.length > 0 ? 'Every flag reviewed against the document for this test.' : '',
    overriddenFlags: flags,
  });
};

describe('retention', () => {
  it('removes personal data N days after the final decision, keeps the minimal record, leaves no bytes', async () => {
    const a = await decidedUpstream(PERSON);
    const b = await decidedUpstream(OTHER);
    const c = await decidedUpstream(THIRD);
    const undecided = (await core.services.cases.create({ firstName: 'Nerija', lastName: 'Laukianti' })).id;
    const needlesA = needlesOf(a, PERSON.lastName, PERSON.personalCode);
    const needlesB = needlesOf(b, OTHER.lastName, OTHER.personalCode);
    decide(a, 'accept', 'verified');
    offset = 20 * DAY;
    decide(b, 'reject', 'data_mismatch');
    decide(c, 'escalate', 'needs_second_opinion');
    expect(core.services.retention.set(30)).toMatchObject({ days: 30 });

    // 31 days after a's decision: a is due, b (11 days) is not, c is escalated (not final).
    offset = 31 * DAY;
    const auditBefore = auditRepo.listForWorkspace(core.db, wsId).length;
    const dry = core.services.retention.run({ dryRun: true });
    expect(dry.cases.map((x) => x.caseId)).toEqual([a]);
    expect(core.services.cases.get(a).fullName).toContain('Petraitien');
    expect(core.services.cases.get(a).lifecycle?.purgedAt ?? null).toBeNull();
    expect(auditRepo.listForWorkspace(core.db, wsId).length).toBe(auditBefore);

    const run = core.services.retention.run({ dryRun: false });
    expect(run.cases.map((x) => x.caseId)).toEqual([a]);

    const purged = core.services.cases.get(a);
    expect(purged).toMatchObject({
      fullName: null,
      personalCode: null,
      registration: null,
      idvStatus: 'Completed',
      kycStatus: 'Approved',
      decision: 'accept',
      lifecycle: { purgeKind: 'retention', purgedAt: run.ranAt },
    });
    expect(purged.kyc?.files).toEqual([]);
    expect(purged.kyc?.payload['document']).toBeUndefined();
    expect(purged.idv?.['registration']).toBeUndefined();
    expect(purged.lifecycle?.purgedFiles.map((f) => f.sha256)).toEqual(needlesA.hashes);
    expect(() => core.services.cases.image(a, needlesA.hashes[0] ?? '')).toThrow(
      expect.objectContaining({ code: 'image_purged' }),
    );
    expect(
      core.services.cases.list({ sort: 'created', dir: 'desc', limit: 10, search: 'petrait' }).total,
    ).toBe(0);
    expect(core.services.cases.get(b).fullName).toContain('Kazlauskien');
    const rows = core.services.cases.list({ sort: 'created', dir: 'desc', limit: 10 }).rows;
    expect(rows.find((r) => r.id === a)).toMatchObject({ fullName: null, personalDataRemoved: true });
    expect(rows.find((r) => r.id === b)?.personalDataRemoved).toBeUndefined();

    const tombstone = auditRepo.listForCase(core.db, wsId, a).find((e) => e.action === 'retention.purged');
    expect(tombstone).toMatchObject({
      osUser: 'tester',
      officerName: 'Olga Officer',
      at: run.ranAt,
      details: { caseIds: [a], policyDays: 30, why: expect.stringContaining('30 days') },
    });
    expect(await core.services.audit.verify()).toMatchObject({ ok: true });

    // Neither the files on disk nor the decrypted database hold a's data; b's is there (the scan works).
    expect(scanDataDir(data.dir, needlesA)).toEqual([]);
    expect(await scanDecrypted(data.dir, keychain.store, needlesA)).toEqual([]);
    expect(await scanDecrypted(data.dir, keychain.store, needlesB)).not.toEqual([]);

    // b's turn 31 days after its decision; the escalated case c is never purged.
    offset = 51 * DAY;
    expect(core.services.retention.run({ dryRun: false }).cases.map((x) => x.caseId)).toEqual([b]);
    offset = 5000 * DAY;
    expect(core.services.retention.run({ dryRun: false }).cases).toEqual([]);
    expect(core.services.cases.get(c).fullName).toContain('Žemaityt');
    expect(core.services.cases.get(undecided)).toMatchObject({
      fullName: 'Nerija Laukianti',
      lifecycle: null,
    });
    expect(await scanDecrypted(data.dir, keychain.store, needlesB)).toEqual([]);
    expect(await core.services.audit.verify()).toMatchObject({ ok: true });
  });

  it('is off by default and runs on start and then daily on the injected clock', async () => {
    const a = await decidedUpstream(PERSON);
    decide(a, 'accept', 'verified');
    // Off: a year later nothing goes.
    offset = 365 * DAY;
    expect(core.services.retention.get().days).toBeNull();
    expect(core.services.retention.run({ dryRun: false }).cases).toEqual([]);
    offset = 0;
    core.services.retention.set(10);

    // The core scheduled its next run at start; firing it before the period changes nothing.
    expect(due.length).toBe(1);
    offset = 5 * DAY;
    due.shift()?.();
    expect(core.services.cases.get(a).lifecycle?.purgedAt ?? null).toBeNull();
    expect(due.length).toBe(1);

    offset = 11 * DAY;
    const changed = core.next('cases:changed', ({ ids }) => ids.includes(a));
    due.shift()?.();
    await changed;
    expect(core.services.cases.get(a).lifecycle).toMatchObject({ purgeKind: 'retention' });
    expect(core.services.cases.get(a).lifecycle?.purgedAt).toBeGreaterThan(Date.now() + 10 * DAY);
    expect(due.length).toBe(1);
  });
});
