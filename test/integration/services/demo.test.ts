import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as settingsRepo from '../../../src/main/db/repos/settings';
import { DEMO_SNAPSHOT_KEY } from '../../../src/main/app/demo';
import { PERSON, tempDataDir, testCore, testKeychain, type TestCore, type TestKeychain } from './support';

let keychain: TestKeychain;
let data: { dir: string; remove(): void };
const cores: TestCore[] = [];

beforeEach(() => {
  keychain = testKeychain();
  data = tempDataDir();
});

afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await keychain.cleanup();
  data.remove();
});

async function open(): Promise<TestCore> {
  const core = await testCore(data.dir, keychain.store);
  cores.push(core);
  await core.start();
  return core;
}

/** Plays the customer through the demo simulator's control route (the officer would use the link). */
async function advance(customerUrl: string, id: string, to: string): Promise<void> {
  const res = await fetch(`${new URL(customerUrl).origin}/__sim/idv/${id}/advance`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ to }),
  });
  expect(res.status).toBe(200);
}

describe('demo workspace', () => {
  it('runs on the in-process simulator and survives a restart of the app', async () => {
    const first = await open();
    const ws = await first.services.workspaces.createDemo({ officerName: 'Dana Demo' });
    expect(ws).toMatchObject({ environment: 'demo', hasSecret: true, officerName: 'Dana Demo' });
    expect(ws.customerHost).toMatch(/^127\.0\.0\.1:\d+$/);
    // No secret of the demo goes to the keychain: its test credentials are public and kept in memory.
    // Only the cache's own entries: the database key and the audit chain key (and, once its queued
    // write lands, the chain's anchor `audit:head`).
    const accounts = (await keychain.store.accounts()).filter((a) => a !== 'audit:head');
    expect(accounts.sort()).toEqual(['audit:chain-key', 'cache:db-key']);
    // A second create-demo re-uses the one demo workspace.
    expect((await first.services.workspaces.createDemo({})).id).toBe(ws.id);

    const created = await first.services.cases.create(PERSON);
    await advance(created.customerUrl, created.id, 'open');
    expect((await first.services.cases.refresh(created.id)).idvStatus).toBe('InProgress');
    // The demo's loopback link may be opened (the simulator has no TLS).
    await first.services.links.open(created.id);
    expect(first.opened).toEqual([created.customerUrl]);
    await first.close();
    cores.length = 0;

    const second = await open();
    expect((await second.services.workspaces.list()).activeId).toBe(ws.id);
    const cached = second.services.cases.get(created.id);
    expect(cached).toMatchObject({ idvStatus: 'InProgress', externalRef: created.externalRef });
    // Same port when it is free: a QR code handed out before the restart still works.
    expect(cached.customerUrl).toBe(created.customerUrl);
    // The restored simulator knows the case and carries on from where it was.
    await advance(cached.customerUrl, created.id, 'decide');
    const synced = await second.services.cases.refresh(created.id);
    expect(synced).toMatchObject({ idvStatus: 'Completed', kycStatus: 'Approved' });
    // New cases get ids the restored simulator has not handed out before.
    const another = await second.services.cases.create({ firstName: 'Jonas', lastName: 'Jonaitis' });
    expect(another.id).not.toBe(created.id);
    expect(second.services.cases.list({ sort: 'created', dir: 'desc', limit: 10 }).total).toBe(2);
  });

  it('forgets the simulator state when the demo workspace is removed', async () => {
    const core = await open();
    const ws = await core.services.workspaces.createDemo({});
    await core.services.cases.create(PERSON);
    expect(settingsRepo.get(core.db, DEMO_SNAPSHOT_KEY)).not.toBeNull();
    await core.services.workspaces.remove(ws.id);
    expect(settingsRepo.get(core.db, DEMO_SNAPSHOT_KEY)).toBeNull();
    expect((await core.services.workspaces.list()).workspaces).toEqual([]);
    expect(core.services.sync.status().state).toBe('idle');
  });
});
