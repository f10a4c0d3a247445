import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
import { dispatch } from '../../../src/main/ipc/handle';
import { orderFiles } from '../../../src/shared/domain/file-order';
import { assertOpenable } from '../../../src/main/services/links';
import { startSimulator, type Simulator } from '../../../src/simulator';
import {
  PERSON,
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from './support';
import { DEFAULT_COUNTER_INSTRUCTIONS } from '../../../src/shared/domain/counter';

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let wsId: string;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 21 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store);
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

const query = { sort: 'created' as const, dir: 'desc' as const, limit: 50 };

describe('cases', () => {
  it('creates a case at Ondato, stores it with an external ref and finds it by search', async () => {
    const changed = core.next('cases:changed');
    const view = await core.services.cases.create({ ...PERSON, middleName: '' });
    expect((await changed).ids).toEqual([view.id]);
    expect(view.externalRef).toMatch(/^KD-\d{8}-[A-Z2-9]{4}$/);
    expect(view.customerUrl).toBe(`${sim.url}/?id=${view.id}`);
    expect(view.registration).toMatchObject({
      firstName: 'Rasa',
      phoneNumber: 37062451514,
      countryCode: 'LT',
    });
    expect(view.syncErrors).toEqual([]);

    const upstream = await core.services.cases.refresh(view.id);
    expect(upstream.idv).toMatchObject({ externalReferenceId: view.externalRef, status: 'Pending' });

    const second = await core.services.cases.create({
      firstName: 'Jonas',
      lastName: 'Jonaitis',
      externalRef: 'CRM-77',
    });
    expect(second.externalRef).toBe('CRM-77');
    expect(core.services.cases.list(query).rows.map((r) => r.id)).toEqual([second.id, view.id]);
    expect(core.services.cases.list({ ...query, search: 'petrait' }).rows.map((r) => r.id)).toEqual([
      view.id,
    ]);
    expect(core.services.cases.list({ ...query, search: 'CRM-77' }).rows.map((r) => r.id)).toEqual([
      second.id,
    ]);
    expect(core.services.cases.get(second.id).fullName).toBe('Jonas Jonaitis');
    expect(auditRepo.listForCase(core.db, wsId, view.id).map((e) => e.action)).toEqual(['case.created']);
  });

  it('puts Ondato field errors on the form fields', async () => {
    await expect(
      core.services.cases.create({ ...PERSON, setupId: '9b7c6d5e-4f3a-4b2c-8d1e-0f9a8b7c6d53' }),
    ).rejects.toMatchObject({ code: 'validation', fields: { setupId: [expect.any(String)] } });
    expect(core.services.cases.list(query).total).toBe(0);
  });

  it('refuses invalid input with field messages', async () => {
    await expect(
      core.services.cases.create({ firstName: 'A', lastName: 'B', dateOfBirth: '1990-02-30' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      fields: { dateOfBirth: [expect.stringContaining('real date')] },
    });
  });

  it('refuses to create while offline and stores nothing', async () => {
    const existing = await core.services.cases.create(PERSON);
    await sim.stop();
    await expect(core.services.cases.refresh(existing.id)).rejects.toMatchObject({ code: 'network' });
    expect(core.services.sync.status().state).toBe('offline');
    await expect(core.services.cases.create({ firstName: 'Ona', lastName: 'Onaitė' })).rejects.toMatchObject({
      code: 'offline',
      message: expect.stringContaining('cannot reach Ondato'),
    });
    expect(core.services.cases.list(query).total).toBe(1);
    // The cached case is still there to review.
    expect(core.services.cases.get(existing.id).fullName).toBe('Rasa Petraitienė');
  });

  it('stores nothing when Ondato answers the create with an error (no half case)', async () => {
    sim.control.addFault({ route: 'idv.create', kind: 'status', status: 503, times: 5 });
    await expect(core.services.cases.create(PERSON)).rejects.toMatchObject({ code: 'server' });
    expect(core.services.cases.list(query).total).toBe(0);
    expect(auditRepo.listForWorkspace(core.db, wsId).map((e) => e.action)).toEqual(['workspace.added']);
    expect(sim.control.snapshot().idvs).toHaveLength(0);
  });

  it('records decisions with fitting reasons, keeps superseded ones and a verifiable audit chain', async () => {
    const view = await core.services.cases.create(PERSON);
    expect(() =>
      core.services.review.decide({
        caseId: view.id,
        decision: 'accept',
        reasonCode: 'document_expired',
        note: '',
        overriddenFlags: [],
      }),
    ).toThrow(
      expect.objectContaining({ code: 'invalid_input', fields: { reasonCode: [expect.any(String)] } }),
    );

    const first = core.services.review.decide({
      caseId: view.id,
      decision: 'escalate',
      reasonCode: 'needs_second_opinion',
      note: 'Ask Vida',
      overriddenFlags: [],
    });
    const second = core.services.review.decide({
      caseId: view.id,
      decision: 'reject',
      reasonCode: 'customer_withdrew',
      note: '',
      overriddenFlags: [],
    });
    expect(first).toMatchObject({
      officerName: 'Olga Officer',
      osUser: 'tester',
      note: 'Ask Vida',
      supersedesId: null,
    });
    expect(second).toMatchObject({ supersedesId: first.id, note: null });
    expect(core.services.review.decisions(view.id).map((d) => d.decision)).toEqual(['escalate', 'reject']);
    expect(core.services.cases.get(view.id).latestDecision?.id).toBe(second.id);
    expect(core.services.audit.list({ caseId: view.id }).map((e) => e.action)).toEqual([
      'decision.recorded',
      'decision.recorded',
      'case.created',
    ]);
    expect(await core.services.audit.verify()).toMatchObject({
      ok: true,
      checked: 4,
      decisionsChecked: 2,
      problems: [],
    });
  });

  it('opens only customer links and records link actions', async () => {
    const view = await core.services.cases.create(PERSON);
    const qr = await core.services.links.qr(view.id);
    expect(qr.url).toBe(view.customerUrl);
    expect(qr.svg).toContain('<svg');
    expect(Buffer.from(qr.png).subarray(1, 4).toString()).toBe('PNG');
    core.services.links.copied(view.id);
    core.services.links.qrShown(view.id);
    // A sandbox workspace pointed at the plain-http simulator: not https, so the shell never sees it.
    await expect(core.services.links.open(view.id)).rejects.toMatchObject({ code: 'link_refused' });
    expect(core.opened).toEqual([]);
    expect(core.services.audit.list({ caseId: view.id }).map((e) => e.action)).toEqual([
      'qr.shown',
      'link.copied',
      'case.created',
    ]);

    const base = 'https://idv.ondato.com';
    expect(() => assertOpenable('https://idv.ondato.com/?id=1', base, false)).not.toThrow();
    for (const url of [
      'https://evil.example/?id=1',
      'http://idv.ondato.com/?id=1',
      'https://idv.ondato.com/login?id=1',
      'javascript:alert(1)',
    ]) {
      expect(() => assertOpenable(url, base, false)).toThrow(
        expect.objectContaining({ code: 'link_refused' }),
      );
    }
    // The demo's loopback simulator has no TLS; a non-demo workspace never opens plain http.
    expect(() => assertOpenable(`${sim.url}/?id=1`, sim.url, true)).not.toThrow();
    expect(() => assertOpenable(`${sim.url}/?id=1`, sim.url, false)).toThrow(
      expect.objectContaining({ code: 'link_refused' }),
    );
  });

  it('serves cached images with the sniffed type and notifies when Ondato decides', async () => {
    const view = await core.services.cases.create(PERSON);
    sim.control.advance(view.id, 'decide');
    const decided = core.next('cases:changed', ({ ids }) => ids.includes(view.id));
    await core.services.cases.refresh(view.id);
    await decided;
    const detail = core.services.cases.get(view.id);
    expect(detail.kycStatus).toBe('Approved');
    const files = detail.kyc?.files ?? [];
    expect(files.length).toBe(3);
    for (const file of files) {
      const image = core.services.cases.image(view.id, file.fileId);
      expect(['image/jpeg', 'image/png']).toContain(image.mime);
      expect(image.bytes.length).toBeGreaterThan(1000);
    }
    expect(() => core.services.cases.image(view.id, 'not-a-file')).toThrow(
      expect.objectContaining({ code: 'image_not_found' }),
    );
    // Notifications of a sync round are gathered for a few seconds, then shown as one (ADR 0017).
    await expect
      .poll(() => core.notices, { timeout: 15_000 })
      .toEqual([{ title: `Ondato approved case ${view.externalRef}`, body: expect.any(String) }]);
    expect(JSON.stringify(core.notices)).not.toContain('Rasa');
  });

  it('answers cases:first-image with the file the review shows first, or null when it has none to show', async () => {
    const pending = await core.services.cases.create(PERSON);
    // No files yet: nothing to show, and no error either.
    expect(await dispatch(core.handlers, 'cases:first-image', { caseId: pending.id })).toEqual({
      ok: true,
      value: null,
    });
    sim.control.advance(pending.id, 'decide');
    await core.services.cases.refresh(pending.id);
    const files = core.services.cases.get(pending.id).kyc?.files ?? [];
    const first = orderFiles(files)[0]!;
    expect(first.part).toBe('Front');
    const answer = await dispatch(core.handlers, 'cases:first-image', { caseId: pending.id });
    const image = core.services.cases.image(pending.id, first.fileId);
    expect(answer).toEqual({ ok: true, value: { fileId: first.fileId, image } });
    const unknown = await dispatch(core.handlers, 'cases:first-image', { caseId: 'no-such-case' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'case_not_found' } });
  });

  it('keeps settings and toggles polling', async () => {
    expect(core.services.settings.get()).toEqual({
      polling: true,
      theme: 'system',
      shortcuts: true,
      notifications: true,
      autoLockMinutes: 0,
      backupKeep: 7,
      recoveryPromptDismissed: false,
      counterInstructions: DEFAULT_COUNTER_INSTRUCTIONS,
    });
    const changed = core.next('settings:changed');
    expect(core.services.settings.set({ theme: 'dark', notifications: false })).toMatchObject({
      theme: 'dark',
      notifications: false,
    });
    expect((await changed).theme).toBe('dark');
    expect(core.services.sync.setPolling(false).polling).toBe(false);
    expect(core.services.sync.status().state).toBe('paused');
    expect(core.services.settings.get()).toEqual({
      polling: false,
      theme: 'dark',
      shortcuts: true,
      notifications: false,
      autoLockMinutes: 0,
      backupKeep: 7,
      recoveryPromptDismissed: false,
      counterInstructions: DEFAULT_COUNTER_INSTRUCTIONS,
    });
    const storage = core.services.storage.info();
    expect(storage.dataDir).toBe(data.dir);
    expect(storage.cacheBytes).toBeGreaterThan(0);
  });
});
