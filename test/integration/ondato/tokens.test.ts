import { afterEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../../src/simulator';
import { clientFor, FULL_KYC_SETUP, SimControl, startSim } from './harness';

let sims: Simulator[] = [];
afterEach(async () => {
  await Promise.all(sims.map((s) => s.stop()));
  sims = [];
});

function manualClock(start = Date.UTC(2025, 5, 1, 9, 0, 0)) {
  let now = start;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
    },
  };
}

describe('tokens against the simulator', () => {
  it('20 parallel calls after a revoke cause exactly one extra token request', async () => {
    const { sim, control } = await startSim(3);
    sims.push(sim);
    const client = clientFor(sim);
    const { id } = await client.createIdv({ setupId: FULL_KYC_SETUP });
    await control.call('POST', '/tokens/revoke');
    await control.clearRequests();

    const results = await Promise.all(Array.from({ length: 20 }, () => client.getIdv(id)));
    expect(results.every((idv) => idv.id === id)).toBe(true);
    const counters = await control.counters();
    expect(counters.byRoute.token).toBe(1);
    expect(counters.byRoute['idv.get']).toBe(40); // 20 refused with the old token + 20 repeats
    expect(counters.byStatus['401']).toBe(20);
  });

  it('a token refused twice in a row is auth_failed, after one refresh only', async () => {
    const { sim, control } = await startSim(3);
    sims.push(sim);
    const client = clientFor(sim);
    await client.listSetups();
    await control.fault({ route: 'idv.get', kind: 'status', status: 401 });
    await control.clearRequests();
    const error = await client.getIdv('00000000-0000-4000-8000-000000000000').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'auth_failed', status: 401 });
    expect((await control.counters()).byRoute).toEqual({ token: 1, 'idv.get': 2 });
  });

  it('refreshes before expires_in runs out, without a 401 (shared manual clock)', async () => {
    const clock = manualClock();
    const sim = await startSimulator({ port: 0, seed: 5, clock, tokenLifetimeSeconds: 100 });
    sims.push(sim);
    const control = new SimControl(sim.url);
    const client = clientFor(sim, { clock });

    await client.listSetups();
    clock.advance(89_000); // margin for 100 s is 10 s: still fresh
    await client.listSetups();
    expect(await control.count('token')).toBe(1);
    clock.advance(2_000); // 91 s: past the refresh point, before the server's expiry
    await client.listSetups();
    const counters = await control.counters();
    expect(counters.byRoute.token).toBe(2);
    expect(counters.byStatus['401']).toBeUndefined();
  });

  it('honours a short lifetime set through the control route (real clock)', async () => {
    const { sim, control } = await startSim(8);
    sims.push(sim);
    await control.call('POST', '/tokens/lifetime', { seconds: 1 });
    const client = clientFor(sim);
    await client.listSetups();
    await client.listSetups();
    expect(await control.count('token')).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await client.listSetups();
    const counters = await control.counters();
    expect(counters.byRoute.token).toBe(2);
    expect(counters.byStatus['401']).toBeUndefined();
  });

  it('recovers with one refresh when the server expires the token before the client expected', async () => {
    const serverClock = manualClock();
    const sim = await startSimulator({ port: 0, seed: 6, clock: serverClock, tokenLifetimeSeconds: 100 });
    sims.push(sim);
    const control = new SimControl(sim.url);
    const client = clientFor(sim, { clock: manualClock() }); // the client's clock stands still
    await client.listSetups();
    serverClock.advance(101_000);
    await client.listSetups();
    const counters = await control.counters();
    expect(counters.byRoute.token).toBe(2);
    expect(counters.byStatus['401']).toBe(1);
  });
});
