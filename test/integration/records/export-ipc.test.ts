import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
import * as casesRepo from '../../../src/main/db/repos/cases';
import { dispatch } from '../../../src/main/ipc/handle';
import type { SaveDialog } from '../../../src/main/services';
import { startSimulator, type Simulator } from '../../../src/simulator';
import {
  simulatorWorkspace,
  tempDataDir,
  testCore,
  testKeychain,
  type TestCore,
  type TestKeychain,
} from '../services/support';

/*
 * The IPC side of exports: the renderer names what to export, main's save dialog names where. A dialog
 * stands in for Electron's (the only thing mocked); everything behind it is real.
 */
let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let wsId: string;
const asked: { title: string; defaultName: string }[] = [];
let answer: string | null = null;

const dialog: SaveDialog = {
  async choose(request) {
    asked.push({ title: request.title, defaultName: request.defaultName });
    return answer;
  },
};

beforeAll(async () => {
  sim = await startSimulator({ port: 0, seed: 5 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store, { saveDialog: dialog });
  await core.start({ polling: false });
  wsId = (await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'demo-secret' }))
    .id;
  casesRepo.insertCreated(core.db, wsId, {
    idvId: 'case-1',
    externalRef: 'CRM/1',
    setupId: null,
    registration: { firstName: 'Eglė', lastName: 'Šimkutė' },
    createdUtc: '2026-01-01T00:00:00.000Z',
  });
});

afterAll(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

const lastAction = (): string => auditRepo.listForWorkspace(core.db, wsId, { limit: 1 })[0]!.action;

describe('export IPC channels', () => {
  it('refuses a path from the renderer: the input schema has no place for one', async () => {
    const result = await dispatch(core.handlers, 'export:case-pdf', {
      caseId: 'case-1',
      path: '/tmp/evil.pdf',
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    const csv = await dispatch(core.handlers, 'export:register-csv', { out: '/tmp/evil.csv' });
    expect(csv).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(asked).toEqual([]);
  });

  it('writes where the save dialog says, and audits it', async () => {
    answer = join(data.dir, 'chosen.pdf');
    const result = await dispatch(core.handlers, 'export:case-pdf', { caseId: 'case-1' });
    expect(result).toEqual({
      ok: true,
      value: { status: 'written', path: answer, bytes: expect.any(Number), cases: 1 },
    });
    expect(readFileSync(answer).subarray(0, 5).toString()).toBe('%PDF-');
    expect(asked.at(-1)).toEqual({
      title: 'Save evidence pack',
      defaultName: expect.stringMatching(/^evidence-CRM_1-\d{4}-\d{2}-\d{2}\.pdf$/),
    });
    expect(lastAction()).toBe('export.case_pdf');

    answer = join(data.dir, 'chosen.csv');
    const csv = await dispatch(core.handlers, 'export:register-csv', { search: 'Šimkutė' });
    expect(csv).toMatchObject({ ok: true, value: { status: 'written', path: answer, cases: 1 } });
    expect(readFileSync(answer, 'utf8')).toContain('Eglė Šimkutė');
    expect(lastAction()).toBe('export.case_register');
  });

  it('writes nothing and records nothing when the officer cancels', async () => {
    const before = auditRepo.listForWorkspace(core.db, wsId, { limit: 1 })[0]!.seq;
    answer = null;
    const result = await dispatch(core.handlers, 'export:case-pdf', { caseId: 'case-1' });
    expect(result).toEqual({ ok: true, value: { status: 'cancelled' } });
    expect(auditRepo.listForWorkspace(core.db, wsId, { limit: 1 })[0]!.seq).toBe(before);
  });

  it('reports a folder it cannot write to as a clear error', async () => {
    answer = join(data.dir, 'no-such-folder', 'x.pdf');
    const result = await dispatch(core.handlers, 'export:case-pdf', { caseId: 'case-1' });
    expect(result).toMatchObject({ ok: false, error: { code: 'export_write_failed' } });
    expect(existsSync(answer)).toBe(false);
  });
});
