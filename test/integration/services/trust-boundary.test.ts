import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretAccount, secretOriginAccount } from '../../../src/main/services/workspace-client';
import * as auditRepo from '../../../src/main/db/repos/audit';
import * as workspacesRepo from '../../../src/main/db/repos/workspaces';
import { dispatch } from '../../../src/main/ipc/handle';
import type { ConfirmRequest } from '../../../src/main/services/confirm';
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

/** The attacker's host: records every request and its body, answers like a token endpoint. */
async function thiefServer() {
  const seen: { path: string; body: string }[] = [];
  const srv: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ path: req.url ?? '', body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: 'x', expires_in: 3600, token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((done) => srv.listen(0, '127.0.0.1', done));
  const port = (srv.address() as AddressInfo).port;
  return { port, seen, stop: () => new Promise<void>((done) => srv.close(() => done())) };
}

/**
 * The IPC schema only takes https hosts; the attacker would have a valid certificate. This transport
 * stands in for that TLS: https on loopback is carried as plain http, everything else is untouched.
 */
const tlsStandIn = (url: string, init: RequestInit): Promise<Response> =>
  fetch(url.replace(/^https:\/\/127\.0\.0\.1:/, 'http://127.0.0.1:'), init);

let sim: Simulator;
let thief: Awaited<ReturnType<typeof thiefServer>>;
let keychain: TestKeychain;
let data: { dir: string; remove(): void };
let core: TestCore;
let approve: ConfirmRequest['kind'] | null;
let asked: ConfirmRequest[];

/** What a compromised renderer can do: any channel, any input that passes the schema. */
const renderer = (channel: string, input?: unknown) => dispatch(core.handlers, channel, input);

beforeEach(async () => {
  sim = await startSimulator({ port: 0, seed: 5 });
  thief = await thiefServer();
  keychain = testKeychain();
  data = tempDataDir();
  approve = null;
  asked = [];
  core = await testCore(data.dir, keychain.store, {
    clientTuning: { retry: { maxAttempts: 1 }, timeoutMs: 5_000, fetch: tlsStandIn },
    // Main's confirmation: agrees only when the test (the officer) armed it for that kind of change.
    confirmer: {
      confirm: (request) => {
        asked.push(request);
        const ok = approve === request.kind;
        approve = null;
        return Promise.resolve(ok);
      },
    },
  });
  await core.start();
});

afterEach(async () => {
  await core.close();
  await sim.stop();
  await thief.stop();
  await keychain.cleanup();
  data.remove();
});

/** The officer's own workspace on the simulator, confirmed by the officer when it was added. */
async function officerWorkspace(customerBaseUrl = sim.url) {
  approve = 'workspace-add-hosts';
  const ws = await core.services.workspaces.add({
    ...simulatorWorkspace(sim.url),
    customerBaseUrl,
    clientSecret: 'demo-secret',
  });
  asked = [];
  return ws;
}

describe('a compromised renderer cannot move the secret or data to its own host', () => {
  it('host changes need the secret again and main’s confirmation; the old secret never reaches the new host', async () => {
    const ws = await officerWorkspace();
    const evil = `https://127.0.0.1:${thief.port}`;
    const overrides = { authUrl: evil, idvApiUrl: evil, kycApiUrl: evil };

    const noSecret = await renderer('workspaces:update', { id: ws.id, overrides });
    expect(noSecret).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(JSON.stringify(noSecret)).toContain('clientSecret');
    expect(asked).toEqual([]);

    const unconfirmed = await renderer('workspaces:update', {
      id: ws.id,
      overrides,
      customerBaseUrl: evil,
      clientSecret: 'attacker-typed',
    });
    expect(unconfirmed).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(asked.map((r) => r.kind)).toEqual(['workspace-hosts']);
    expect(asked[0]?.detail).toContain(`127.0.0.1:${thief.port}`);
    expect(await keychain.store.get(secretAccount(ws.id))).toBe('demo-secret');
    expect(workspacesRepo.get(core.db, ws.id)?.overrides).toEqual(simulatorWorkspace(sim.url).overrides);

    expect(await renderer('workspaces:test', { id: ws.id })).toMatchObject({ ok: true });
    expect(thief.seen).toEqual([]);
  });

  it('the secret is bound to its sign-in host: hosts changed behind the service get secret_host_mismatch', async () => {
    const ws = await officerWorkspace();
    expect(await keychain.store.get(secretOriginAccount(ws.id))).toBe(new URL(sim.url).origin);
    const evil = `https://127.0.0.1:${thief.port}`;
    // As if the cache row had been edited directly: no service, no confirmation, no new secret.
    workspacesRepo.update(
      core.db,
      ws.id,
      { overrides: { authUrl: evil, idvApiUrl: evil, kycApiUrl: evil } },
      1,
    );
    expect(await renderer('workspaces:test', { id: ws.id })).toMatchObject({
      ok: false,
      error: { code: 'secret_host_mismatch' },
    });
    expect(thief.seen).toEqual([]);
  });

  it('a confirmed host change with the new secret replaces the secret and its binding, and is audited', async () => {
    const ws = await officerWorkspace();
    const other = await startSimulator({ port: 0, seed: 6 });
    try {
      approve = 'workspace-hosts';
      await core.services.workspaces.update({
        id: ws.id,
        overrides: { authUrl: other.url, idvApiUrl: other.url, kycApiUrl: other.url },
        customerBaseUrl: other.url,
        clientSecret: 'demo-secret',
      });
      expect(await keychain.store.get(secretOriginAccount(ws.id))).toBe(new URL(other.url).origin);
      await expect(core.services.workspaces.test(ws.id)).resolves.toBeTruthy();
      const trail = auditRepo.listForWorkspace(core.db, ws.id);
      const change = trail.find((e) => e.action === 'workspace.hosts-changed');
      expect(change?.details).toMatchObject({ authHost: new URL(other.url).host });
      expect(JSON.stringify(trail)).not.toContain('demo-secret');
    } finally {
      await other.stop();
    }
  });

  it('adding a workspace with its own hosts needs main’s confirmation', async () => {
    const evil = `https://127.0.0.1:${thief.port}`;
    const added = await renderer('workspaces:add', {
      name: 'Looks legit',
      environment: 'production',
      clientId: 'x',
      clientSecret: 'y',
      setupId: simulatorWorkspace(sim.url).setupId,
      customerBaseUrl: evil,
      overrides: { authUrl: evil, idvApiUrl: evil, kycApiUrl: evil },
    });
    expect(added).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(workspacesRepo.list(core.db)).toEqual([]);
    expect((await keychain.store.accounts()).filter((a) => a.includes('client-secret'))).toEqual([]);
  });

  it('remove without main’s confirmation is refused and leaves the workspace and its audit trail', async () => {
    const ws = await officerWorkspace();
    await core.services.cases.create(PERSON);
    const trail = auditRepo.listForWorkspace(core.db, ws.id);
    expect(trail.length).toBeGreaterThan(1);

    expect(await renderer('workspaces:remove', { id: ws.id })).toMatchObject({
      ok: false,
      error: { code: 'not_confirmed' },
    });
    expect(asked.map((r) => r.kind)).toEqual(['workspace-remove']);
    expect(workspacesRepo.get(core.db, ws.id)).not.toBeNull();
    expect(auditRepo.listForWorkspace(core.db, ws.id)).toEqual(trail);
    expect(await keychain.store.get(secretAccount(ws.id))).toBe('demo-secret');

    approve = 'workspace-remove';
    expect(await renderer('workspaces:remove', { id: ws.id })).toMatchObject({ ok: true });
    expect(workspacesRepo.get(core.db, ws.id)).toBeNull();
  });

  it('link:open only opens the confirmed customer host', async () => {
    const ws = await officerWorkspace('https://verify.example.test');
    const created = await core.services.cases.create(PERSON);
    const evil = `https://127.0.0.1:${thief.port}`;
    expect(
      await renderer('workspaces:update', { id: ws.id, customerBaseUrl: evil, clientSecret: 'demo-secret' }),
    ).toMatchObject({ ok: false, error: { code: 'not_confirmed' } });
    expect(await renderer('link:open', { caseId: created.id })).toMatchObject({ ok: true });
    expect(core.opened).toHaveLength(1);
    expect(new URL(core.opened[0] ?? '').origin).toBe('https://verify.example.test');
    expect(core.opened.join()).not.toContain(String(thief.port));
  });
});
