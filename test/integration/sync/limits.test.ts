import { afterEach, describe, expect, it } from 'vitest';
import * as schedule from '../../../src/main/db/repos/schedule';
import { cachedState, createCase, syncClient, waitFor, WS } from '../../support/sync-harness';
import { disposeAll, engineFixture, requestsOf } from '../../support/sync-fixture';

afterEach(disposeAll);

const api = (route: string): boolean => route !== 'token' && route !== 'idv.create';

/** The most requests that arrived within any window of `windowMs` (times in clock ms). */
function maxInWindow(times: number[], windowMs: number): number {
  const sorted = [...times].sort((a, b) => a - b);
  let best = 0;
  let start = 0;
  for (let end = 0; end < sorted.length; end += 1) {
    while (sorted[end]! - sorted[start]! >= windowMs) start += 1;
    best = Math.max(best, end - start + 1);
  }
  return best;
}

describe('sync engine: Ondato limits', () => {
  it('keeps every request within the rate limit (token bucket), whatever the backlog', async () => {
    const rate = 5;
    const burst = 2;
    // The bucket is judged where it acts: the moment the client sends, on the engine's clock. Arrival
    // times at the simulator would also measure how busy this machine is (a loaded host can deliver two
    // well-spaced requests together), which no rate limiter controls.
    const sent: number[] = [];
    const { sim, db, client, engine } = await engineFixture({
      scale: 10,
      engine: { ratePerSecond: rate, burst, concurrency: 8 },
      client: (url, clock) =>
        syncClient(url, clock, {
          fetch: (target, init) => {
            const { pathname } = new URL(target);
            const create = init?.method === 'POST' && pathname.endsWith('/identity-verifications');
            if (!pathname.endsWith('/connect/token') && !create) sent.push(clock.now());
            return fetch(target, init);
          },
        }),
    });
    const ids: string[] = [];
    for (let i = 0; i < 24; i += 1) ids.push(await createCase(client, db, WS, i));
    // A few cases with a KYC and files: their KYC and file downloads count as well.
    for (const id of ids.slice(0, 2)) sim.control.advance(id, 'submit');
    sim.control.clearRequests();
    sent.length = 0;
    engine.start();
    for (const id of ids) engine.track(id);
    await waitFor('every case checked', () => ids.every((id) => schedule.get(db, id)?.lastCheckedAt), 20_000);
    await waitFor('files downloaded', () =>
      ids.slice(0, 2).every((id) => cachedState(db, WS, id)?.files.length === 3),
    );
    await engine.stop();

    const times = [...sent];
    // Every request the simulator saw was also sent (and nothing the test filtered out was counted).
    expect(times).toHaveLength(requestsOf(sim, api).length);
    expect(times.length).toBeGreaterThanOrEqual(ids.length + 2 * 4);
    // A token bucket lets through at most burst + rate × T in any window T; one request of slack for
    // the time between taking a token and the request reaching the simulator.
    expect(maxInWindow(times, 1_000)).toBeLessThanOrEqual(burst + rate + 1);
    const span = Math.max(...times) - Math.min(...times);
    expect(span).toBeGreaterThanOrEqual(((times.length - burst - 1) / rate) * 1_000);
  });

  it("honours a 429's Retry-After: no request to Ondato until it has passed", async () => {
    const { sim, db, client, engine } = await engineFixture({ engine: { concurrency: 1 } });
    const ids: string[] = [];
    for (let i = 0; i < 3; i += 1) ids.push(await createCase(client, db, WS, i));
    sim.control.clearRequests();
    sim.control.addFault({ route: 'idv.get', kind: 'status', status: 429, retryAfter: 30, times: 1 });
    engine.start();
    for (const id of ids) engine.track(id);
    await waitFor('rate limited', () => engine.status().lastError?.code === 'rate_limited');
    await waitFor('every case checked', () => ids.every((id) => schedule.get(db, id)?.lastCheckedAt));

    const log = requestsOf(sim, api);
    const limited = log.find((r) => r.status === 429)!;
    const after = log.filter((r) => r !== limited && r.ms >= limited.ms);
    expect(after.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...after.map((r) => r.ms))).toBeGreaterThanOrEqual(limited.ms + 30_000);
  });
});
