import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
import { createOndatoClient, resolveEndpoints, type OndatoClient } from '../../../src/main/ondato';
import type { Timers } from '../../../src/main/sync/options';
import type { NewCaseForm } from '../../../src/shared/validation/registration';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { imageSlices, scanDataDir, scanDecrypted, type Needles } from './purge-scan';
import {
  FULL_KYC_SETUP,
  PERSON,
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from './support';

const DOC_ONLY_SETUP = '5e2d8c14-9f3a-4c6b-8d7e-2a1b0c9f8e72';
const HOUR = 3_600_000;

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let wsId: string;
/** Another system talking to the same Ondato account (its portal, a CRM). */
let outside: OndatoClient;
let offset: number;
let slept: number;
const clock = { now: () => Date.now() + offset };
/** Short waits (the import's rate limiter) move the clock instead of waiting; the daily timer is held. */
const timers: Timers = {
  setTimeout: (callback, ms) => {
    if (ms < HOUR) {
      slept += ms;
      offset += ms;
      setImmediate(callback);
    }
    const handle = setTimeout(() => undefined, 0);
    clearTimeout(handle);
    return handle;
  },
  clearTimeout: () => undefined,
};

beforeEach(async () => {
  offset = 0;
  slept = 0;
  sim = await startSimulator({ port: 0, seed: 44 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store, { clock, timers });
  core.services.settings.set({ polling: false });
  await core.start();
  wsId = (await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'demo-secret' }))
    .id;
  outside = createOndatoClient({
    endpoints: resolveEndpoints('simulator', { baseUrl: sim.url }),
    credentials: { clientId: 'kyc-desk-demo', clientSecret: 'demo-secret' },
  });
});

afterEach(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

async function decidedCase(person: NewCaseForm): Promise<{ id: string; kycId: string; needles: Needles }> {
  const view = await core.services.cases.create(person);
  sim.control.advance(view.id, 'decide');
  await core.services.cases.refresh(view.id);
  const c = core.services.cases.get(view.id);
  const files = c.kyc?.files ?? [];
  expect(files.length).toBeGreaterThan(0);
  const images = files.map((f) => core.services.cases.image(view.id, f.fileId).bytes);
  const lastName = person['lastName'] ?? '';
  return {
    id: view.id,
    kycId: c.kycId ?? '',
    needles: {
      bytes: {
        name: Buffer.from(lastName),
        ...Object.assign({}, ...images.map((b, i) => imageSlices(`i${i}`, b))),
      },
      text: {
        'folded name': lastName
          .normalize('NFD')
          .replace(/[\u0300-\u036f]/g, '')
          .slice(0, -1),
        'personal code': person['personalCode'] ?? '',
      },
    },
  };
}

describe('redaction', () => {
  it('asks Ondato to redact, purges the local copy, and sync never brings the data back', async () => {
    const a = await decidedCase(PERSON);
    const fileId = core.services.cases.get(a.id).kyc?.files[0]?.fileId ?? '';

    await core.services.redaction.redact(a.id);

    // Ondato (the simulator, over HTTP) now answers without personal data, with a `redaction` field.
    const idv = await outside.getIdv(a.id);
    expect(idv.registration?.firstName ?? null).toBeNull();
    expect(idv.registration?.personalCode ?? null).toBeNull();
    expect(idv['redaction']).toMatchObject({ redactedUtc: expect.any(String) });
    const kyc = await outside.getKyc(a.kycId);
    expect(kyc.document?.lastName ?? null).toBeNull();
    expect(kyc.document?.personalCode ?? null).toBeNull();
    expect(kyc.document?.dateOfBirth ?? null).toBeNull();
    expect(kyc.document?.documentNumber ?? null).toBeNull();
    expect(kyc.document?.files).toEqual([]);
    await expect(outside.getKycFile(a.kycId, fileId)).rejects.toMatchObject({ code: 'not_found' });

    const view = core.services.cases.get(a.id);
    expect(view).toMatchObject({
      fullName: null,
      personalCode: null,
      registration: null,
      kycStatus: 'Approved',
      lifecycle: {
        purgeKind: 'redaction',
        redactedUtc: (idv['redaction'] as { redactedUtc: string }).redactedUtc,
      },
    });
    expect(view.kyc?.files).toEqual([]);
    expect(view.lifecycle?.purgedFiles.every((f) => /^[0-9a-f]{64}$/.test(f.sha256 ?? ''))).toBe(true);
    const tombstone = auditRepo.listForCase(core.db, wsId, a.id).find((e) => e.action === 'case.redacted');
    expect(tombstone).toMatchObject({ officerName: 'Olga Officer', details: { caseIds: [a.id] } });

    // Sync: neither a refresh nor a full pass fetches the case again.
    sim.control.clearRequests();
    await core.services.cases.refresh(a.id);
    await core.services.sync.once();
    expect(sim.control.requests().filter((r) => r.path.includes(a.id))).toEqual([]);
    expect(core.services.cases.get(a.id)).toMatchObject({
      fullName: null,
      lifecycle: { purgeKind: 'redaction' },
    });

    expect(await core.services.audit.verify()).toMatchObject({ ok: true });
    expect(scanDataDir(data.dir, a.needles)).toEqual([]);
    expect(await scanDecrypted(data.dir, keychain.store, a.needles)).toEqual([]);
  });

  it('treats a case redacted elsewhere as redacted, not as data changed to empty', async () => {
    const b = await decidedCase({ ...PERSON, lastName: 'Kairytė', personalCode: '48801010000' });
    const before = auditRepo.listForCase(core.db, wsId, b.id).length;
    await outside.redactIdv(b.id, ['PersonalData', 'BiometricData']);

    await core.services.cases.refresh(b.id);
    const events = auditRepo.listForCase(core.db, wsId, b.id).slice(0, -before);
    expect(events.map((e) => e.action)).toEqual(['case.redacted']);
    expect(events[0]).toMatchObject({
      officerName: null,
      details: { why: expect.stringContaining('Ondato') },
    });
    expect(core.services.cases.get(b.id)).toMatchObject({
      fullName: null,
      lifecycle: { purgeKind: 'redaction' },
    });
    expect(await scanDecrypted(data.dir, keychain.store, b.needles)).toEqual([]);
  });

  it('leaves no trace in the demo workspace, whose simulated Ondato is saved in the cache too', async () => {
    await core.services.workspaces.createDemo({ officerName: 'Demo Officer' });
    const view = await core.services.cases.create({
      ...PERSON,
      lastName: 'Demoraitė',
      personalCode: '48303030000',
    });
    const simUrl = new URL(view.customerUrl).origin;
    const advanced = await fetch(`${simUrl}/__sim/idv/${view.id}/advance`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ to: 'decide' }),
    });
    expect(advanced.status).toBe(200);
    await core.services.cases.refresh(view.id);
    const images = (core.services.cases.get(view.id).kyc?.files ?? []).map(
      (f) => core.services.cases.image(view.id, f.fileId).bytes,
    );
    expect(images.length).toBeGreaterThan(0);
    const needles: Needles = {
      bytes: {
        name: Buffer.from('Demoraitė'),
        ...Object.assign({}, ...images.map((b, i) => imageSlices(`i${i}`, b))),
      },
      text: { 'folded name': 'demorait', 'personal code': '48303030000' },
    };
    await core.services.redaction.redact(view.id);
    expect(await core.services.audit.verify()).toMatchObject({ ok: true });
    // Closing saves the demo simulator's state into the cache one last time.
    await core.close();
    expect(await scanDecrypted(data.dir, keychain.store, needles)).toEqual([]);
  });

  it('changes nothing locally when Ondato refuses the redaction', async () => {
    const c = await decidedCase(PERSON);
    sim.control.addFault({ route: 'idv.redact', kind: 'status', status: 500, times: 5 });
    await expect(core.services.redaction.redact(c.id)).rejects.toMatchObject({ code: 'redaction_failed' });
    expect(core.services.cases.get(c.id).fullName).toContain('Petraitien');
    expect(auditRepo.listForCase(core.db, wsId, c.id).some((e) => e.action === 'case.redacted')).toBe(false);
  });
});

describe('import', () => {
  /** IDVs created by another system, each far enough for Ondato to list its KYC identification. */
  async function createdElsewhere(n: number, setupId = FULL_KYC_SETUP): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < n; i += 1) {
      const { id } = await outside.createIdv({
        setupId,
        externalReferenceId: `PORTAL-${setupId.slice(0, 4)}-${i}`,
        registration: { firstName: 'Portal', lastName: `Customer${i}`, personalCode: `3900101${1000 + i}` },
      });
      sim.control.advance(id, 'kyc-start');
      ids.push(id);
    }
    return ids;
  }

  it('imports by id: tracks the IDV with its registration, reports unknown ids, never duplicates', async () => {
    const [id] = await createdElsewhere(1);
    const unknown = randomUUID();
    const report = await core.services.imports.byIds([id ?? '', unknown]);
    expect(report.lines).toEqual([
      { idvId: id, outcome: 'imported', message: null },
      { idvId: unknown, outcome: 'not_found', message: expect.any(String) },
    ]);
    const view = core.services.cases.get(id ?? '');
    expect(view).toMatchObject({
      fullName: 'Portal Customer0',
      externalRef: `PORTAL-${FULL_KYC_SETUP.slice(0, 4)}-0`,
      registration: { firstName: 'Portal', lastName: 'Customer0' },
      lifecycle: { importedAt: expect.any(Number), purgedAt: null },
    });
    expect(auditRepo.listForCase(core.db, wsId, id ?? '').map((e) => e.action)).toContain('case.imported');

    // Tracked like any other case: a refresh brings the KYC identification.
    expect((await core.services.cases.refresh(id ?? '')).kycId).not.toBeNull();

    const again = await core.services.imports.byIds([id ?? '']);
    expect(again.lines).toEqual([{ idvId: id, outcome: 'exists', message: expect.any(String) }]);
    expect(core.services.cases.list({ sort: 'created', dir: 'desc', limit: 50 }).total).toBe(1);
  });

  it('imports by date across pages, only the workspace setups, rate-limited, bounded and idempotent', async () => {
    const ours = await createdElsewhere(7);
    const theirs = await createdElsewhere(1, DOC_ONLY_SETUP);
    await core.services.imports.byIds([ours[0] ?? '']);
    const today = new Date().toISOString().slice(0, 10);

    sim.control.clearRequests();
    slept = 0;
    const report = await core.services.imports.since(today, { pageSize: 3 });
    expect(report).toMatchObject({ pages: 3, seen: 8, truncated: false, stopped: null });
    const outcome = Object.fromEntries(report.lines.map((l) => [l.idvId, l.outcome]));
    expect(outcome).toEqual({
      ...Object.fromEntries(ours.map((id, i) => [id, i === 0 ? 'exists' : 'imported'])),
      [theirs[0] ?? '']: 'other_setup',
    });
    expect(sim.control.requests().filter((r) => r.route === 'kyc.filter')).toHaveLength(3);
    // 3 pages + 7 IDV reads at 5 a second with a burst of 5: the limiter had to wait.
    expect(slept).toBeGreaterThan(0);
    expect(core.services.cases.list({ sort: 'created', dir: 'desc', limit: 50 }).total).toBe(7);

    const second = await core.services.imports.since(today, { pageSize: 3 });
    expect(second.lines.filter((l) => l.outcome === 'imported')).toEqual([]);
    expect(core.services.cases.list({ sort: 'created', dir: 'desc', limit: 50 }).total).toBe(7);

    const bounded = await core.services.imports.since(today, { pageSize: 2, maxPages: 2 });
    expect(bounded).toMatchObject({ pages: 2, seen: 4, truncated: true });
    const capped = await core.services.imports.since(today, { pageSize: 3, maxItems: 5 });
    expect(capped).toMatchObject({ seen: 5, truncated: true });
  });

  it('refuses a bad date, and stops cleanly with a reason when Ondato fails', async () => {
    await expect(core.services.imports.since('2026-02-30')).rejects.toMatchObject({ code: 'invalid_input' });
    await expect(core.services.imports.since('9999-01-01')).rejects.toMatchObject({ code: 'invalid_input' });
    await createdElsewhere(4);
    const today = new Date().toISOString().slice(0, 10);
    sim.control.addFault({ route: 'kyc.filter', kind: 'status', status: 500, times: 1 });
    const failed = await core.services.imports.since(today, { pageSize: 2 });
    expect(failed).toMatchObject({ pages: 0, lines: [], stopped: expect.any(String) });
    const retried = await core.services.imports.since(today, { pageSize: 2 });
    expect(retried).toMatchObject({ pages: 2, stopped: null });
    expect(retried.lines.filter((l) => l.outcome === 'imported')).toHaveLength(4);
  });
});
