import { createServer, type Socket } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Client } from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addRelay } from '../../../src/team-db/admin';
import { hasPostgres } from '../../support/pg-cluster';
import { advance, type Harness } from '../simulator/helpers';
import { startTeamFixture, type TeamFixture } from '../team-db/support';
import {
  BASIC_AUTH,
  deliver,
  deliveries,
  freePortOn,
  RELAY_PASSWORD,
  settle,
  SIM_BASIC,
  simulatorFor,
  startRelay,
  storedFor,
  type RelayRun,
} from './e2e-support';

// Receivers that accept a delivery and never answer: Ondato's 30 s timeout, on wall time (the only
// tests here that wait for real time, because the timeout is what they check).
describe.skipIf(!hasPostgres())('webhooks end to end: receivers that hang', () => {
  let team: TeamFixture;
  const cleanup: Array<() => Promise<void>> = [];

  beforeAll(async () => {
    team = await startTeamFixture();
    await addRelay(team.owner, 'relay_a', RELAY_PASSWORD);
  });
  afterEach(async () => {
    for (const stop of cleanup.splice(0).reverse()) await stop();
  });
  afterAll(async () => team?.close());

  async function relay(): Promise<RelayRun> {
    const run = await startRelay(team, 'relay_a', BASIC_AUTH);
    cleanup.push(() => run.close());
    return run;
  }
  async function sim(seed: number, subscription: Record<string, unknown>): Promise<Harness> {
    const h = await simulatorFor(seed, subscription);
    cleanup.push(() => h.stop());
    return h;
  }

  it('a relay that hangs: the attempt is abandoned at the 30 s timeout, and the retry lands', async () => {
    // Accepts the connection and the request, and never answers (a relay process frozen mid-request).
    const sockets: Socket[] = [];
    const frozen = createServer((socket) => {
      sockets.push(socket);
      socket.resume();
    });
    const port = await freePortOn(frozen);
    const h = await sim(205, {
      url: `http://127.0.0.1:${port}/ondato/webhooks`,
      auth: SIM_BASIC,
      events: ['IdentityVerification.Consented'],
    });
    const id = await h.createIdv();
    await advance(h, id, 'open');
    // Collect garbage while the attempt waits: a timeout that only a weak reference keeps alive (as
    // with AbortSignal.any over AbortSignal.timeout on Node 20) is then lost, and the sender hangs forever.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const collecting = setInterval(gc, 250);
    const started = performance.now();
    try {
      await deliver(h);
    } finally {
      clearInterval(collecting);
    }
    // A lower bound only: the sender must not give up before Ondato's 30 s.
    expect(performance.now() - started).toBeGreaterThanOrEqual(29_900);
    expect(await deliveries(h)).toEqual([
      expect.objectContaining({ attempts: 1, isDelivered: false, pending: true, lastStatus: 0 }),
    ]);
    expect(sockets.length).toBeGreaterThan(0);
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => frozen.close(() => resolve()));

    const r = await startRelay(team, 'relay_a', BASIC_AUTH, port);
    cleanup.push(() => r.close());
    expect(await settle(h)).toEqual([
      expect.objectContaining({ attempts: 2, isDelivered: true, lastStatus: 200 }),
    ]);
    expect((await storedFor(team, id)).map((e) => e.type)).toEqual(['IdentityVerification.Consented']);
  }, 90_000);

  it('a hanging receiver does not hold back deliveries to another subscription', async () => {
    const listener = new Client({ connectionString: team.cluster.url(undefined, undefined, team.database) });
    await listener.connect();
    cleanup.push(() => listener.end());
    await listener.query('LISTEN kyc_team_webhooks');
    const frozenSockets: Socket[] = [];
    let frozenClosed = false;
    const frozen = createServer((socket) => {
      frozenSockets.push(socket);
      socket.on('close', () => (frozenClosed = true));
      socket.resume();
    });
    const port = await freePortOn(frozen);
    cleanup.push(
      () =>
        new Promise<void>((resolve) => {
          for (const socket of frozenSockets) socket.destroy();
          frozen.close(() => resolve());
        }),
    );
    const r = await relay();
    const h = await sim(206, {
      url: `http://127.0.0.1:${port}/ondato/webhooks`,
      auth: SIM_BASIC,
      events: ['IdentityVerification.Consented'],
    });
    const res = await h.control('POST', '/webhooks/subscriptions', {
      url: `${r.url}/ondato/webhooks`,
      auth: SIM_BASIC,
      events: ['IdentityVerification.Consented'],
    });
    expect(res.status).toBe(200);
    const id = await h.createIdv();
    const heard = new Promise<boolean>((resolve) => listener.on('notification', () => resolve(frozenClosed)));
    await advance(h, id, 'open');
    const sending = deliver(h);
    // The relay's subscription got its event while the frozen receiver still held the first attempt open.
    expect(await heard).toBe(false);
    expect(frozenSockets.length).toBeGreaterThan(0);
    for (const socket of frozenSockets) socket.destroy();
    await sending;
    expect((await storedFor(team, id)).map((e) => e.type)).toEqual(['IdentityVerification.Consented']);
  }, 90_000);
});
