import * as audit from '../../src/main/db/repos/audit';
import type { Db } from '../../src/main/db/sql';
import type { Logger, OndatoClient } from '../../src/main/ondato';
import { createSyncEngine } from '../../src/main/sync/engine';
import type { SyncEngineOptions } from '../../src/main/sync/options';
import type { CaseChange, SyncEngine } from '../../src/main/sync/types';
import type { SyncStatus } from '../../src/shared/domain/views';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../src/simulator';
import { scaledTime, syncClient, tempCache, WS, type ScaledTime, type TempCache } from './sync-harness';

/** One engine on a real simulator and a real encrypted cache, torn down by `disposeAll()`. */
export interface EngineFixture {
  time: ScaledTime;
  sim: Simulator;
  cache: TempCache;
  db: Db;
  client: OndatoClient;
  engine: SyncEngine;
  changes: CaseChange[];
  statuses: SyncStatus[];
  /** Another engine on the same cache and simulator (e.g. to race the first one). */
  another(options?: SyncEngineOptions): SyncEngine;
}

const cleanups: (() => Promise<void> | void)[] = [];

export async function disposeAll(): Promise<void> {
  for (const cleanup of cleanups.splice(0).reverse()) {
    try {
      await cleanup();
    } catch {
      // keep tearing down the rest
    }
  }
}

export async function engineFixture(
  options: {
    scale?: number;
    engine?: SyncEngineOptions;
    client?: (url: string, clock: { now(): number }) => OndatoClient;
    sim?: SimulatorOptions;
    logger?: Logger;
  } = {},
): Promise<EngineFixture> {
  const time = scaledTime(options.scale ?? 50);
  const sim = await startSimulator({ port: 0, seed: 11, clock: time.clock, ...options.sim });
  cleanups.push(() => sim.stop());
  const cache = tempCache();
  cleanups.push(() => cache.dispose());
  const client = options.client ? options.client(sim.url, time.clock) : syncClient(sim.url, time.clock);
  const make = (engineOptions: SyncEngineOptions): SyncEngine => {
    const engine = createSyncEngine({
      db: cache.db,
      workspaceId: WS,
      client,
      clock: time.clock,
      timers: time.timers,
      osUser: 'tester',
      options: engineOptions,
      ...(options.logger ? { logger: options.logger } : {}),
    });
    cleanups.push(() => engine.stop());
    return engine;
  };
  const engine = make(options.engine ?? {});
  const changes: CaseChange[] = [];
  const statuses: SyncStatus[] = [];
  engine.onChange((batch) => changes.push(...batch));
  engine.onStatus((status) => statuses.push(status));
  return {
    time,
    sim,
    cache,
    db: cache.db,
    client,
    engine,
    changes,
    statuses,
    another: (engineOptions = {}) => make(engineOptions),
  };
}

export const syncActions = (db: Db, id: string): string[] =>
  audit
    .listForCase(db, WS, id)
    .reverse()
    .map((e) => e.action)
    .filter((a) => a.startsWith('sync.'));

/** Request log entries of the simulator with their time as ms. */
export function requestsOf(sim: Simulator, filter: (route: string, path: string) => boolean = () => true) {
  return sim.control
    .requests()
    .filter((r) => filter(r.route, r.path))
    .map((r) => ({ ...r, ms: Date.parse(r.at) }));
}
