import type { SyncEngineDeps } from '../sync/options';
import type { SyncEngine } from '../sync/types';

export type { SyncEngineDeps, SyncEngineOptions } from '../sync/options';

/** Builds the sync engine of one workspace; the core passes the real one unless a test injects another. */
export type EngineFactory = (deps: SyncEngineDeps) => SyncEngine;
