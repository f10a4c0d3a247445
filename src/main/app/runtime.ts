import * as settingsRepo from '../db/repos/settings';
import * as workspacesRepo from '../db/repos/workspaces';
import type { Db } from '../db/sql';
import { storageProblem } from '../db/storage';
import { AppError, isAppError } from '../errors';
import type { EventBus } from '../events';
import type { AppLogger } from '../logger';
import type { OndatoClient } from '../ondato';
import type { SecretStore } from '../secrets/secret-store';
import type { CaseChange, SyncEngine } from '../sync/types';
import type { PollGate } from '../sync/poll-gate';
import type { SyncStatus } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import type { DemoSimulator, Runtime } from '../services/ports';
import type { EngineFactory, SyncEngineOptions } from './engine';
import {
  buildClient,
  credentialsOf,
  endpointsOf,
  type ClientTuning,
  type ImplicitWorkspace,
} from '../services/workspace-client';

export const ACTIVE_WORKSPACE_KEY = 'app.active-workspace';

export interface RuntimeDeps {
  db: Db;
  secrets: SecretStore;
  now: () => number;
  logger: AppLogger;
  events: EventBus;
  demo: DemoSimulator;
  createEngine: EngineFactory;
  engineOptions?: SyncEngineOptions | undefined;
  osUser: string;
  implicit?: ImplicitWorkspace | undefined;
  tuning?: ClientTuning | undefined;
  /** Polling on/off from the settings, read when an engine starts. */
  pollingEnabled: () => boolean;
  /** False for one-shot CLI commands: the engine is built (refresh, syncOnce) but its loop never runs. */
  runLoop: () => boolean;
  onChanges: (workspaceId: string, changes: CaseChange[]) => void;
  /** Team mode: the lease gate of a joined workspace (undefined: the desk polls every case itself). */
  pollGateFor?: (workspaceId: string) => PollGate | undefined;
}

/** The active workspace's live parts; `problem` says why client/engine are missing (e.g. no secret). */
interface Live {
  workspace: Workspace;
  client: OndatoClient | null;
  engine: SyncEngine | null;
  problem: AppError | null;
  unsubscribe: () => void;
}

/** Problems only new credentials fix: the sync indicator sends the officer to the workspace settings. */
const CREDENTIAL_PROBLEMS: ReadonlySet<string> = new Set([
  'secret_missing',
  'secret_host_mismatch',
  'auth_failed',
]);

export function idleStatus(lastError: SyncStatus['lastError'] = null): SyncStatus {
  return {
    state: CREDENTIAL_PROBLEMS.has(lastError?.code ?? '') ? 'auth_failed' : 'idle',
    queued: 0,
    inFlight: 0,
    lastSuccessAt: null,
    offlineSince: null,
    lastError,
  };
}

export function createRuntime(deps: RuntimeDeps): Runtime {
  let live: Live | null = null;
  let switching: Promise<void> = Promise.resolve();

  const sources = { demoUrl: () => deps.demo.url(), implicit: deps.implicit };
  const activeId = (): string | null => settingsRepo.get(deps.db, ACTIVE_WORKSPACE_KEY);

  async function clientFor(ws: Workspace): Promise<OndatoClient> {
    if (ws.environment === 'demo') await deps.demo.ensureStarted();
    const endpoints = endpointsOf(ws, sources);
    const credentials = await credentialsOf(ws, deps.secrets, endpoints.authUrl);
    return buildClient(endpoints, credentials, deps.logger, deps.tuning);
  }

  async function stopLive(): Promise<void> {
    const current = live;
    live = null;
    if (!current) return;
    current.unsubscribe();
    await current.engine?.stop();
  }

  async function startLive(ws: Workspace): Promise<void> {
    let client: OndatoClient | null = null;
    let problem: AppError | null = null;
    try {
      client = await clientFor(ws);
    } catch (error) {
      problem = isAppError(error) ? error : new AppError('internal', 'The workspace could not be started.');
      deps.logger.warn('runtime: workspace not connected', { code: problem.code });
    }
    const engine = client
      ? deps.createEngine({
          db: deps.db,
          workspaceId: ws.id,
          client,
          clock: { now: deps.now },
          osUser: deps.osUser,
          logger: deps.logger,
          ...(deps.engineOptions ? { options: deps.engineOptions } : {}),
          pollGate: deps.pollGateFor?.(ws.id),
        })
      : null;
    const offs: Array<() => void> = [];
    if (engine) {
      offs.push(engine.onChange((changes) => deps.onChanges(ws.id, changes)));
      offs.push(engine.onStatus((s) => deps.events.emit('sync:status', withStorage(s))));
      engine.setEnabled(deps.pollingEnabled());
      if (deps.runLoop()) engine.start();
    }
    live = { workspace: ws, client, engine, problem, unsubscribe: () => offs.forEach((off) => off()) };
    deps.events.emit('sync:status', status());
  }

  // Storage trouble outranks the network: polling on while nothing can be saved is not "online".
  function withStorage(s: SyncStatus): SyncStatus {
    const trouble = storageProblem(deps.db);
    if (!trouble) return s;
    const { code, message } = trouble.error;
    return { ...s, state: 'storage_error', lastError: { code, message, at: trouble.at } };
  }

  function status(): SyncStatus {
    if (live?.engine) return withStorage(live.engine.status());
    const problem = live?.problem;
    return withStorage(
      idleStatus(problem ? { code: problem.code, message: problem.message, at: deps.now() } : null),
    );
  }

  // Switches are serialised: two quick clicks must not leave two engines running.
  function serial(task: () => Promise<void>): Promise<void> {
    const next = switching.then(task, task);
    switching = next.catch(() => undefined);
    return next;
  }

  return {
    activeId,
    workspace() {
      const id = activeId();
      const ws = id === null ? null : workspacesRepo.get(deps.db, id);
      if (!ws) throw new AppError('no_workspace', 'Choose or add a workspace first.');
      return ws;
    },
    endpoints: (ws) => endpointsOf(ws, sources),
    clientFor,
    client() {
      if (!live) throw new AppError('no_workspace', 'Choose or add a workspace first.');
      if (!live.client)
        throw live.problem ?? new AppError('no_workspace', 'Choose or add a workspace first.');
      return live.client;
    },
    engine: () => live?.engine ?? null,
    status,
    activate(id) {
      return serial(async () => {
        const ws = id === null ? null : workspacesRepo.get(deps.db, id);
        if (id !== null && !ws) throw new AppError('workspace_not_found', 'The workspace does not exist.');
        await stopLive();
        if (ws) settingsRepo.set(deps.db, ACTIVE_WORKSPACE_KEY, ws.id);
        else settingsRepo.remove(deps.db, ACTIVE_WORKSPACE_KEY);
        if (ws) await startLive(ws);
        else deps.events.emit('sync:status', status());
      });
    },
    reload() {
      return serial(async () => {
        await stopLive();
        const id = activeId();
        const ws = id === null ? null : workspacesRepo.get(deps.db, id);
        if (ws) await startLive(ws);
      });
    },
    stop: () => serial(stopLive),
  };
}
