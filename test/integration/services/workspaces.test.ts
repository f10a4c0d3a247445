import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as auditRepo from '../../../src/main/db/repos/audit';
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

let sim: Simulator;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 11 });
  keychain = testKeychain();
  data = tempDataDir();
  core = await testCore(data.dir, keychain.store);
  await core.start();
});

afterEach(async () => {
  await core.close();
  await sim.stop();
  await keychain.cleanup();
  data.remove();
});

describe('workspaces', () => {
  it('adds a workspace with its secret in the keychain, tests it and removes it with all its data', async () => {
    const ws = await core.services.workspaces.add({
      ...simulatorWorkspace(sim.url),
      clientSecret: 'demo-secret',
    });
    expect(ws).toMatchObject({
      environment: 'sandbox',
      hasSecret: true,
      customerHost: new URL(sim.url).host,
    });
    expect(JSON.stringify(ws)).not.toContain('demo-secret');
    expect(await keychain.store.get(`${ws.id}:client-secret`)).toBe('demo-secret');
    const list = await core.services.workspaces.list();
    expect(list.activeId).toBe(ws.id);

    const check = await core.services.workspaces.test(ws.id);
    expect(check.setups.map((s) => s.name)).toContain('Full KYC with consent');
    expect(check.scopes).toEqual(['idv_api', 'kyc_identifications_api']);

    const created = await core.services.cases.create(PERSON);
    expect(core.services.cases.list({ sort: 'created', dir: 'desc', limit: 10 }).total).toBe(1);
    expect(auditRepo.listForWorkspace(core.db, ws.id).map((e) => e.action)).toContain('case.created');

    await core.services.workspaces.remove(ws.id);
    expect((await keychain.store.accounts()).filter((a) => a.startsWith(ws.id))).toEqual([]);
    expect(await core.services.workspaces.list()).toEqual({ workspaces: [], activeId: null });
    expect(core.services.storage.info()).toMatchObject({ cases: 0, images: 0 });
    expect(auditRepo.listForWorkspace(core.db, ws.id)).toEqual([]);
    expect(() => core.services.cases.get(created.id)).toThrow(
      expect.objectContaining({ code: 'no_workspace' }),
    );
  });

  it('reports a wrong secret as auth_failed, a missing scope as forbidden and an unreachable host as network', async () => {
    const wrong = await core.services.workspaces.add({
      ...simulatorWorkspace(sim.url),
      clientSecret: 'nope',
    });
    await expect(core.services.workspaces.test(wrong.id)).rejects.toMatchObject({ code: 'auth_failed' });

    const readonly = await core.services.workspaces.add({
      ...simulatorWorkspace(sim.url, { clientId: 'kyc-desk-readonly', name: 'Read only' }),
      clientSecret: 'readonly-secret',
    });
    await core.services.workspaces.activate(readonly.id);
    await expect(core.services.cases.create(PERSON)).rejects.toMatchObject({ code: 'forbidden' });
    expect(core.services.cases.list({ sort: 'created', dir: 'desc', limit: 10 }).total).toBe(0);

    const closed = await startSimulator({ port: 0 });
    const url = closed.url;
    await closed.stop();
    const gone = await core.services.workspaces.add({
      ...simulatorWorkspace(url, { name: 'Gone' }),
      clientSecret: 'x',
    });
    await expect(core.services.workspaces.test(gone.id)).rejects.toMatchObject({ code: 'network' });
  });

  it('probes draft credentials without storing anything and updates a workspace secret', async () => {
    const probe = await core.services.workspaces.probe({
      environment: 'sandbox',
      clientId: 'kyc-desk-demo',
      clientSecret: 'demo-secret',
      overrides: { authUrl: sim.url, idvApiUrl: sim.url, kycApiUrl: sim.url, customerWebUrl: sim.url },
    });
    expect(probe.setups.find((s) => s.disabled)?.name).toBe('Disabled legacy setup');
    // The cache's own entries only (the database key and the audit chain key): no client secret.
    expect((await keychain.store.accounts()).sort()).toEqual(['audit:chain-key', 'cache:db-key']);
    expect((await core.services.workspaces.list()).workspaces).toEqual([]);

    const ws = await core.services.workspaces.add({ ...simulatorWorkspace(sim.url), clientSecret: 'wrong' });
    await expect(core.services.workspaces.test(ws.id)).rejects.toMatchObject({ code: 'auth_failed' });
    const updated = await core.services.workspaces.update({
      id: ws.id,
      clientSecret: 'demo-secret',
      name: 'Renamed',
    });
    expect(updated.name).toBe('Renamed');
    await expect(core.services.workspaces.test(ws.id)).resolves.toBeTruthy();
    const actions = auditRepo.listForWorkspace(core.db, ws.id).map((e) => [e.action, e.details]);
    expect(actions[0]).toEqual(['workspace.updated', { changed: ['name'], secretReplaced: true }]);
  });
});
