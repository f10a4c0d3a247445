import { createSyncEngine } from '../sync/engine';
import type { EngineFactory } from './engine';

/** The real poller (src/main/sync); a separate module so tests can inject another without loading it. */
export const defaultEngineFactory: EngineFactory = (deps) => createSyncEngine(deps);
