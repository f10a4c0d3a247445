import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore, type Core } from '../../../../src/main/app/core';
import { dispatch } from '../../../../src/main/ipc/handle';
import { silentLogger } from '../../../../src/main/logger';
import { createMemoryStore } from '../../../../src/main/secrets/memory-store';
import { requestChannels } from '../../../../src/shared/ipc/channels';

let dir: string;
let core: Core;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kyc-desk-handlers-'));
  core = await createCore({
    dataDir: dir,
    secrets: createMemoryStore(),
    osUser: 'tester',
    logger: silentLogger,
    shell: { openExternal: async () => undefined },
    notifier: { notify: () => undefined },
    app: { name: 'KYC Desk', version: '1.2.3', versions: { node: '20' } },
  });
  await core.start();
});

afterAll(async () => {
  await core.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('handler map', () => {
  it('has a handler for every request channel of the contract', () => {
    for (const channel of requestChannels) expect(typeof core.handlers[channel], channel).toBe('function');
    expect(Object.keys(core.handlers).sort()).toEqual([...requestChannels].sort());
  });

  it('refuses invalid input on every channel before a handler runs', async () => {
    for (const channel of requestChannels) {
      const result = await dispatch(core.handlers, channel, { unexpected: true });
      expect(result, channel).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
  });

  it('answers through dispatch with values and officer-safe errors', async () => {
    expect(await dispatch(core.handlers, 'app:info', undefined)).toEqual({
      ok: true,
      value: { name: 'KYC Desk', version: '1.2.3', versions: { node: '20' } },
    });
    expect(await dispatch(core.handlers, 'workspaces:list', undefined)).toEqual({
      ok: true,
      value: { workspaces: [], activeId: null },
    });
    expect(await dispatch(core.handlers, 'sync:status', undefined)).toMatchObject({
      ok: true,
      value: { state: 'idle' },
    });
    expect(
      await dispatch(core.handlers, 'cases:list', { sort: 'created', dir: 'desc', limit: 10 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'no_workspace' },
    });
    expect(await dispatch(core.handlers, 'workspaces:activate', { id: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'workspace_not_found' },
    });
    expect(
      await dispatch(core.handlers, 'review:decide', {
        caseId: 'x',
        decision: 'accept',
        reasonCode: 'underage',
        note: '',
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: { reasonCode: [expect.any(String)] } },
    });
  });
});
