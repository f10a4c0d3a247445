import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
import { dispatch } from '../../../src/main/ipc/handle';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { pdfText } from '../records/pdf-tools';
import type { CounterView } from '../../../src/shared/domain/counter';
import type { RequestChannel } from '../../../src/shared/ipc/channels';
import type { Input } from '../../../src/shared/ipc/contract';
import {
  PERSON,
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from './support';

// Counter mode's main side through the real handler map (dispatch: schema → lock guard → service),
// against the simulator over HTTP, a real encrypted cache and the real keychain.

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let wsId: string;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 31 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store, {
    saveDialog: { choose: async ({ defaultName }) => join(data.dir, defaultName) },
  });
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

async function ipc<C extends RequestChannel>(channel: C, input: Input<C>) {
  return dispatch(core.handlers, channel, input);
}

async function view(caseId: string): Promise<CounterView> {
  const result = await ipc('counter:view', { caseId });
  if (!result.ok) throw new Error(`counter:view failed: ${result.error.code}`);
  return result.value as CounterView;
}

const actions = (caseId: string): string[] =>
  auditRepo.listForCase(core.db, wsId, caseId).map((e) => e.action);

describe('counter mode (main side)', () => {
  it('refuses an unknown case id, and a known case the officer did not open it for', async () => {
    const unknown = await ipc('counter:view', { caseId: 'no-such-case' });
    expect(unknown).toEqual({
      ok: false,
      error: { code: 'case_not_found', message: 'The case is not in this workspace.' },
    });
    expect(await ipc('counter:open', { caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      error: { code: 'case_not_found' },
    });

    const created = await core.services.cases.create(PERSON);
    const notOpen = await ipc('counter:view', { caseId: created.id });
    expect(notOpen).toMatchObject({ ok: false, error: { code: 'counter_not_open' } });
    expect(!notOpen.ok && notOpen.error.message).toMatch(/^Counter mode is not open for this case\./);
    expect(await ipc('counter:view', { caseId: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  });

  it('shows the link, QR, instructions and progress only — nothing else of the case — and audits it', async () => {
    const created = await core.services.cases.create({ ...PERSON, externalRef: 'BRANCH-7', email: 'r@x.lt' });
    const opened = await ipc('counter:open', { caseId: created.id });
    // No Electron here: main has no window of its own, so the caller opens the page.
    expect(opened).toEqual({
      ok: true,
      value: { caseId: created.id, shownIn: 'page', path: `counter.html#${created.id}` },
    });
    expect(actions(created.id)).toContain('counter.shown');
    const shown = auditRepo.listForCase(core.db, wsId, created.id).find((e) => e.action === 'counter.shown');
    expect(shown?.details).toEqual({ shownIn: 'page' });

    const v = await view(created.id);
    expect(Object.keys(v).sort()).toEqual([
      'caseId',
      'checkedAt',
      'exitNeedsPin',
      'instructions',
      'progress',
      'qrSvg',
      'theme',
      'url',
    ]);
    expect(Object.keys(v.progress).sort()).toEqual(['rawStatus', 'stage', 'steps']);
    expect(v.url).toBe(created.customerUrl);
    expect(v.qrSvg).toMatch(/^<svg[\s>]/);
    expect(v.progress.stage).toBe('waiting');
    expect(v.exitNeedsPin).toBe(false);
    const text = JSON.stringify(v);
    for (const personal of [
      'Rasa',
      'Petraiti',
      '49001010000',
      '1990-01-01',
      '62451514',
      'r@x.lt',
      'BRANCH-7',
    ]) {
      expect(text, personal).not.toContain(personal);
    }
  });

  it('follows the customer from sync to done, pushing counter:changed for that case', async () => {
    const created = await core.services.cases.create(PERSON);
    await ipc('counter:open', { caseId: created.id });
    const stages: string[] = [];
    core.events.on('counter:changed', (change) => {
      if (change.caseId === created.id) stages.push(change.stage);
    });

    sim.control.advance(created.id, 'kyc-start');
    await core.services.cases.refresh(created.id);
    expect((await view(created.id)).progress.stage).toBe('document');

    sim.control.advance(created.id, 'submit');
    await core.services.cases.refresh(created.id);
    const submitted = await view(created.id);
    expect(submitted.progress.stage).toBe('submitted');
    expect(submitted.progress.steps.map((s) => `${s.key}:${s.state}`)).toEqual([
      'opened:done',
      'document:done',
      'selfie:done',
      'submitted:done',
      'done:current',
    ]);

    const done = core.next('counter:changed', (c) => c.caseId === created.id && c.stage === 'done');
    sim.control.advance(created.id, 'complete');
    await core.services.cases.refresh(created.id);
    expect((await view(created.id)).progress.stage).toBe('done');
    await done;
    expect(stages).toContain('document');
  });

  it('shows new instructions at once and refuses overlong ones with a field message', async () => {
    const created = await core.services.cases.create(PERSON);
    await ipc('counter:open', { caseId: created.id });
    const pushed = core.next('counter:changed', (c) => c.caseId === created.id);
    expect(
      await ipc('settings:set', { counterInstructions: 'Ask at desk 3 if you need help.' }),
    ).toMatchObject({
      ok: true,
    });
    await pushed;
    expect((await view(created.id)).instructions).toBe('Ask at desk 3 if you need help.');

    const tooLong = await ipc('settings:set', { counterInstructions: 'x'.repeat(601) });
    expect(tooLong).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(!tooLong.ok && tooLong.error.fields?.['counterInstructions']?.[0]).toMatch(/600 characters/);
  });

  it('keeps working for the customer while the officer’s window is locked; leaving needs the PIN', async () => {
    const created = await core.services.cases.create(PERSON);
    await ipc('counter:open', { caseId: created.id });
    await core.services.lock.setPin('2468');
    await ipc('settings:set', { autoLockMinutes: 5 });
    await ipc('lock:now', undefined);

    expect(await ipc('cases:get', { caseId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect((await view(created.id)).exitNeedsPin).toBe(true);

    expect(await ipc('counter:close', { caseId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'pin_required' },
    });
    expect(await ipc('counter:close', { caseId: created.id, pin: '1111' })).toMatchObject({
      ok: false,
      error: { code: 'pin_incorrect' },
    });
    expect((await view(created.id)).caseId).toBe(created.id);

    const ended = core.next('counter:changed', (c) => c.caseId === created.id && !c.active);
    expect(await ipc('counter:close', { caseId: created.id, pin: '2468' })).toEqual({ ok: true });
    await ended;
    expect(await ipc('counter:view', { caseId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'counter_not_open' },
    });
    const closed = auditRepo
      .listForCase(core.db, wsId, created.id)
      .find((e) => e.action === 'counter.closed');
    expect(closed?.details).toEqual({ confirmedWith: 'pin' });
  });

  it('ends counter mode when another workspace becomes active, recording it in the case’s own trail', async () => {
    const created = await core.services.cases.create(PERSON);
    await ipc('counter:open', { caseId: created.id });
    const ended = core.next('counter:changed', (c) => c.caseId === created.id && !c.active);
    const other = await core.services.workspaces.add({
      ...simulatorWorkspace(sim.url, { name: 'Second branch' }),
      clientSecret: 'demo-secret',
    });
    await core.services.workspaces.activate(other.id);
    await ended;
    await core.services.workspaces.activate(wsId);
    expect(await ipc('counter:view', { caseId: created.id })).toMatchObject({
      ok: false,
      error: { code: 'counter_not_open' },
    });
    const closed = auditRepo
      .listForCase(core.db, wsId, created.id)
      .find((e) => e.action === 'counter.closed');
    expect(closed?.details).toEqual({ confirmedWith: 'workspace-switch' });
  });

  it('saves the QR code as a PNG that decodes to the link, and records where and what', async () => {
    const created = await core.services.cases.create({ ...PERSON, externalRef: 'CRM 9/1' });
    const saved = await ipc('link:save-qr', { caseId: created.id });
    const path = join(data.dir, 'kyc-CRM-9-1.png');
    expect(saved).toMatchObject({ ok: true, value: { status: 'written', path, cases: 1 } });

    const png = PNG.sync.read(readFileSync(path));
    const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    expect(code?.data).toBe(created.customerUrl);

    const entry = auditRepo.listForCase(core.db, wsId, created.id).find((e) => e.action === 'qr.saved');
    expect(entry?.details).toMatchObject({ where: path, bytes: readFileSync(path).length });
    expect(entry?.details['sha256']).toMatch(/^[0-9a-f]{64}$/);
    // The evidence pack lists both kinds in words, not as raw action names.
    await ipc('counter:open', { caseId: created.id });
    const pdf = join(data.dir, 'evidence.pdf');
    await core.services.exports.casePdf(created.id, pdf);
    const text = pdfText(pdf).replace(/\s+/g, ' ');
    expect(text).toContain('QR code saved as PNG');
    expect(text).toContain('Counter view shown to the customer');
    expect(await ipc('link:save-qr', { caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      error: { code: 'case_not_found' },
    });
  });
});
