import { afterEach, describe, expect, it } from 'vitest';
import * as schedule from '../../../src/main/db/repos/schedule';
import { createSyncEngine } from '../../../src/main/sync/engine';
import { LeaseBook } from '../../../src/main/sync/poll-gate';
import { startSimulator, type Simulator } from '../../../src/simulator';
import {
  createCase,
  scaledTime,
  syncClient,
  tempCache,
  waitFor,
  WS,
  type TempCache,
} from '../../support/sync-harness';

let sim: Simulator | null = null;
let cache: TempCache | null = null;
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
  await sim?.stop();
  cache?.dispose();
  sim = null;
  cache = null;
});

// Team mode: the running loop polls only the cases whose team lease this desk holds.
describe('sync engine behind a lease gate', () => {
  it('polls the leased case, defers the other without a request, and polls it once its lease is granted', async () => {
    const time = scaledTime(50);
    sim = await startSimulator({ port: 0, seed: 21, clock: time.clock });
    cache = tempCache();
    const { db } = cache;
    const client = syncClient(sim.url, time.clock);
    const leased = await createCase(client, db, WS, 1);
    const other = await createCase(client, db, WS, 2);
    const book = new LeaseBook(time.clock.now, 30_000);
    book.grant([leased], Number.MAX_SAFE_INTEGER);
    const engine = createSyncEngine({
      db,
      workspaceId: WS,
      client,
      clock: time.clock,
      timers: time.timers,
      osUser: 'tester',
      pollGate: book,
    });
    stops.push(() => engine.stop());
    const gets = (id: string): number =>
      sim!.control.requests().filter((r) => r.route === 'idv.get' && r.path.includes(id)).length;
    const before = gets(other);

    engine.start();
    await waitFor('the leased case checked', () => schedule.get(db, leased)?.lastCheckedAt);
    // The other case came due as well, and was moved on by the gate instead of being requested.
    const deferred = await waitFor('the other case deferred', () => {
      const entry = schedule.get(db, other);
      return entry && entry.nextAt > time.clock.now() ? entry : null;
    });
    expect(deferred.lastCheckedAt).toBeNull();
    expect(gets(other)).toBe(before);

    book.grant([other], Number.MAX_SAFE_INTEGER);
    await waitFor('the other case checked once leased', () => schedule.get(db, other)?.lastCheckedAt, 20_000);
    expect(gets(other)).toBeGreaterThan(before);
  });
});

// A case the team mirrored into the cache has no schedule row; winning its lease must get it polled.
describe('sync engine told of granted leases', () => {
  it('polls a mirrored case (no schedule row) as soon as this desk wins its lease', async () => {
    const time = scaledTime(50);
    sim = await startSimulator({ port: 0, seed: 22, clock: time.clock });
    cache = tempCache();
    const { db } = cache;
    const client = syncClient(sim.url, time.clock);
    const book = new LeaseBook(time.clock.now, 30_000);
    const engine = createSyncEngine({
      db,
      workspaceId: WS,
      client,
      clock: time.clock,
      timers: time.timers,
      osUser: 'tester',
      pollGate: book,
    });
    stops.push(() => engine.stop());
    engine.start();
    // Created after the engine started, as a pull from the team inserts it: never tracked, no schedule.
    const mirrored = await createCase(client, db, WS, 3);
    schedule.remove(db, mirrored);
    expect(schedule.get(db, mirrored)).toBeNull();

    book.grant([mirrored], Number.MAX_SAFE_INTEGER);
    await waitFor('the mirrored case checked once leased', () => schedule.get(db, mirrored)?.lastCheckedAt);
    expect(sim.control.requests().some((r) => r.route === 'idv.get' && r.path.includes(mirrored))).toBe(true);
  });
});
