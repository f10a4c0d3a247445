import * as attentionRepo from '../db/repos/attention';
import * as casesRepo from '../db/repos/cases';
import * as workspacesRepo from '../db/repos/workspaces';
import * as teamRepo from '../db/repos/team';
import { randomUUID } from 'node:crypto';
import { BACKUP_EVERY_MS, latestBackup, takeBackup } from '../db/backup';
import { loadOrCreateCacheKey } from '../db/key';
import { openCache } from '../db/open';
import type { Db } from '../db/sql';
import { createEventBus, type EventBus } from '../events';
import { checkDb } from '../db/maintenance';
import { markDamaged, storageError } from '../db/storage';
import { isAppError, type AppError } from '../errors';
import { createHandlers, type HandlerMap } from '../handlers';
import type { AppLogger } from '../logger';
import { cachePath } from '../paths';
import type { SecretStore } from '../secrets/secret-store';
import {
  createServices,
  type AppInfoSource,
  type Notifier,
  type SaveDialog,
  type Services,
  type Shell,
} from '../services';
import { refuseAll, type Confirmer } from '../services/confirm';
import type { CounterScreens, ServiceContext } from '../services/context';
import { IDLE_CHECK_MS } from '../services/lock';
import { readSettings } from '../services/settings';
import type { TimerHandle, Timers } from '../sync/options';
import type { CaseChange } from '../sync/types';
import { openAuditTrail } from '../services/audit-trail';
import { createDemoSimulator } from './demo';
import { defaultEngineFactory } from './default-engine';
import type { EngineFactory, SyncEngineOptions } from './engine';
import { ensureImplicitWorkspace } from './implicit';
import { caseLabel, NoticeBatcher, noticeKind, type CaseNotice } from './notify';
import { createRuntime } from './runtime';
import { LeaseBook } from '../sync/poll-gate';
import { LEASE_DEFER_MS } from '../team/session';
import type { ClientTuning, ImplicitWorkspace } from '../services/workspace-client';

/** How often the running app looks whether the daily backup is due. */
const BACKUP_CHECK_MS = 60 * 60 * 1000;

export interface CoreDeps {
  dataDir: string;
  secrets: SecretStore;
  clock?: { now(): number };
  osUser: string;
  logger: AppLogger;
  shell: Shell;
  notifier: Notifier;
  /**
   * Asks the officer, from main, before a workspace's Ondato hosts change or a workspace is removed.
   * Without one every such change is refused (fail closed).
   */
  confirmer?: Confirmer;
  /** Electron's save dialog for exports; the CLI has none (it takes paths as arguments). */
  saveDialog?: SaveDialog;
  /** Electron's counter-view window; the CLI and the harness have none (the caller shows the page). */
  counterScreens?: CounterScreens;
  /** Defaults to the real sync engine. */
  createEngine?: EngineFactory;
  engineOptions?: SyncEngineOptions;
  /** Port of the demo simulator; 0 (default) picks a free one. */
  simulatorPort?: number;
  /** The CLI's environment-variable workspace (its secret stays in memory). */
  implicitWorkspace?: ImplicitWorkspace;
  app?: Partial<AppInfoSource>;
  /** Tests: client timeouts and retries. */
  clientTuning?: ClientTuning;
  /** Electron: its own-ABI better-sqlite3 build (src/main/native.ts); Node uses node_modules'. */
  nativeBinding?: string;
  /** The daily retention run's timer (tests inject one with the clock); Node's by default. */
  timers?: Timers;
  /** The timer that closes a notification's gathering window (tests close it when they choose); Node's by default. */
  noticeTimers?: Timers;
  /**
   * Team mode: where PGPASSWORD / ~/.pgpass are looked up, and the environment workspace's team
   * database (KYC_DESK_TEAM_URL, joined without a stored password).
   */
  team?: { env: Record<string, string | undefined>; home?: string | undefined; envUrl?: string | undefined };
}

const RETENTION_EVERY_MS = 24 * 3_600_000;
/** How often date-bound risk flags (expiring, under 18…) are brought up to the calendar. */
const ATTENTION_CHECK_MS = 3_600_000;
const ATTENTION_BATCH = 500;

export interface Core {
  handlers: HandlerMap;
  events: EventBus;
  services: Services;
  /** The open cache, for tests and diagnostics; everything else goes through the services. */
  db: Db;
  /**
   * Starts the demo simulator (if there is a demo workspace) and the active workspace's engine.
   * `polling: false` (one-shot CLI commands) builds the engine without starting its loop.
   */
  start(options?: { polling?: boolean }): Promise<void>;
  /**
   * Damage found in the cache (the quick check on open, or the full check after an unclean
   * shutdown): the cache is read-only and the officer should restore a backup. Null while healthy.
   */
  cacheProblem(): AppError | null;
  /** Stops the engine, saves the demo state and closes the cache. */
  close(): Promise<void>;
}

/** Opens the encrypted cache and builds the services; plain Node (Electron, the CLI and the harness share it). */
export async function createCore(deps: CoreDeps): Promise<Core> {
  const now = (): number => (deps.clock ? deps.clock.now() : Date.now());
  const dbPath = cachePath(deps.dataDir);
  const key = await loadOrCreateCacheKey(deps.secrets, { dbPath });
  const cache = openCache({
    path: dbPath,
    key,
    now,
    ...(deps.nativeBinding === undefined ? {} : { nativeBinding: deps.nativeBinding }),
  });
  const { db } = cache;
  let auditTrail;
  try {
    auditTrail = await openAuditTrail({
      db,
      dataDir: deps.dataDir,
      secrets: deps.secrets,
      logger: deps.logger,
      now,
      osUser: deps.osUser,
      appVersion: deps.app?.version ?? '0.0.0',
    });
  } catch (error) {
    cache.close();
    throw error;
  }
  const events = createEventBus((event) => deps.logger.warn('event listener failed', { event }));
  const demo = createDemoSimulator({
    db,
    logger: deps.logger,
    ...(deps.simulatorPort === undefined ? {} : { port: deps.simulatorPort }),
  });
  const watched = new Set<string>();
  let runLoop = true;
  // Set once the services exist; a locked app shows no notification (it would name the case).
  let isLocked = (): boolean => false;
  let idleTimer: ReturnType<typeof setInterval> | undefined;
  let backupTimer: ReturnType<typeof setInterval> | undefined;

  /** The daily rotating backup, taken while the app runs when the newest is a day old. */
  function backupIfDue(): void {
    const latest = latestBackup(dbPath);
    if (latest !== null && now() - latest.at < BACKUP_EVERY_MS) return;
    try {
      takeBackup(db, dbPath, now(), readSettings({ db }).backupKeep);
    } catch (error) {
      deps.logger.warn('scheduled backup failed', { code: isAppError(error) ? error.code : 'internal' });
    }
  }

  function onChanges(workspaceId: string, changes: CaseChange[]): void {
    events.emit('cases:changed', { ids: changes.map((c) => c.caseId) });
    services.team.share(workspaceId);
    const ws = workspacesRepo.get(db, workspaceId);
    if (ws?.environment === 'demo') demo.markDirty();
    if (!readSettings({ db }).notifications || isLocked()) return;
    const notable: CaseNotice[] = [];
    for (const change of changes) {
      const kind = noticeKind(change);
      if (kind === null) continue;
      const detail = casesRepo.get(db, workspaceId, change.caseId);
      // Created here (the officer entered a registration) or opened on screen this session.
      if (!detail || (detail.registration === null && !watched.has(change.caseId))) continue;
      // Already decided by the officer: it does not need them (and is not in the queue a click opens).
      if (detail.decision !== null) continue;
      notable.push({ caseId: change.caseId, label: caseLabel(change.caseId, detail.externalRef), kind });
    }
    notices.add(notable);
  }

  // Team mode: one lease book per joined workspace, shared by its sync engine and its team session.
  const leaseBooks = new Map<string, LeaseBook>();
  const leaseBookFor = (workspaceId: string): LeaseBook | undefined => {
    if (!teamRepo.link(db, workspaceId)) return undefined;
    let book = leaseBooks.get(workspaceId);
    if (!book) {
      book = new LeaseBook(now, LEASE_DEFER_MS);
      leaseBooks.set(workspaceId, book);
    }
    return book;
  };

  const runtime = createRuntime({
    db,
    secrets: deps.secrets,
    now,
    logger: deps.logger,
    events,
    demo,
    createEngine: deps.createEngine ?? defaultEngineFactory,
    engineOptions: deps.engineOptions,
    osUser: deps.osUser,
    implicit: deps.implicitWorkspace,
    tuning: deps.clientTuning,
    pollingEnabled: () => readSettings({ db }).polling,
    runLoop: () => runLoop,
    onChanges,
    pollGateFor: leaseBookFor,
  });

  const ctx: ServiceContext = {
    db,
    dataDir: deps.dataDir,
    dbPath,
    secrets: deps.secrets,
    auditTrail,
    now,
    osUser: deps.osUser,
    logger: deps.logger,
    events,
    shell: deps.shell,
    confirmer: deps.confirmer ?? refuseAll,
    saveDialog: deps.saveDialog,
    counterScreens: deps.counterScreens,
    runtime,
    demo,
    tuning: deps.clientTuning,
    timers: deps.timers,
    ratePerSecond: deps.engineOptions?.ratePerSecond,
    watch: (caseId) => void watched.add(caseId),
    leaseBook: leaseBookFor,
  };
  const services = createServices(
    ctx,
    {
      name: deps.app?.name ?? 'KYC Desk',
      version: deps.app?.version ?? '0.0.0',
      versions: deps.app?.versions ?? { node: process.versions.node },
    },
    deps.team ?? { env: {} },
  );
  isLocked = () => services.lock.isLocked();

  if (deps.implicitWorkspace) {
    try {
      ensureImplicitWorkspace(db, deps.implicitWorkspace, now(), deps.osUser);
      if (deps.team?.envUrl) {
        teamRepo.setLink(db, {
          workspaceId: deps.implicitWorkspace.id,
          url: deps.team.envUrl,
          deskId: `desk-${randomUUID()}`,
          now: now(),
        });
      }
    } catch (error) {
      cache.close();
      throw error;
    }
  }

  let problem: AppError | null = cache.damaged ? storageError('cache_damaged') : null;

  /** After a crash the quick check on open is not enough: a full check, once the app is up. */
  function checkAfterCrash(): void {
    if (closed || problem) return;
    const result = checkDb(db, 'full');
    if (result.ok) return;
    deps.logger.error('cache failed its integrity check after an unclean shutdown', {
      problems: result.problems.length,
    });
    markDamaged(db);
    db.pragma('query_only = ON');
    problem = storageError('cache_damaged');
    events.emit('sync:status', runtime.status());
  }

  let retentionTimer: TimerHandle | undefined;
  const nodeTimers: Timers = {
    setTimeout: (callback, ms) => {
      const handle = setTimeout(callback, ms);
      handle.unref?.();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle),
  };
  const timers: Timers = deps.timers ?? nodeTimers;
  // One notification per sync round; a click opens the queue the cases are in.
  const notices = new NoticeBatcher(deps.noticeTimers ?? nodeTimers, (notice) => {
    if (!readSettings({ db }).notifications || isLocked()) return;
    deps.notifier.notify(notice.title, notice.body, () =>
      events.emit('app:navigate', { to: 'cases', queue: notice.queue }),
    );
  });

  let attentionTimer: ReturnType<typeof setTimeout> | undefined;
  /** Date-bound risk flags move with the calendar: recompute the cases whose turning day came. */
  function attentionTick(): void {
    let ids: string[] = [];
    try {
      ids = attentionRepo.refreshDue(db, now(), ATTENTION_BATCH);
      if (ids.length > 0) events.emit('cases:changed', { ids });
    } catch (error) {
      deps.logger.warn('attention refresh failed', { code: isAppError(error) ? error.code : 'internal' });
    }
    // Node's timer, like the backup check's: a periodic chore, not part of what tests drive.
    attentionTimer = setTimeout(attentionTick, ids.length === ATTENTION_BATCH ? 0 : ATTENTION_CHECK_MS);
    attentionTimer.unref?.();
  }

  /** The retention policies run at start and then once a day (each workspace's own period). */
  function retentionTick(): void {
    try {
      services.retention.runAll();
    } catch (error) {
      deps.logger.error('retention run failed', { error });
    }
    retentionTimer = timers.setTimeout(retentionTick, RETENTION_EVERY_MS);
  }

  let closed = false;
  return {
    cacheProblem: () => problem,
    handlers: createHandlers(services),
    events,
    db,
    services,
    async start(options = {}) {
      runLoop = options.polling ?? true;
      // Idle time is also checked before every guarded call; this catches an officer who walked away.
      clearInterval(idleTimer);
      idleTimer = setInterval(() => services.lock.check(), IDLE_CHECK_MS);
      idleTimer.unref?.();
      clearInterval(backupTimer);
      if (runLoop && cache.uncleanBefore) setTimeout(checkAfterCrash, 0);
      if (runLoop && !problem) {
        backupIfDue();
        backupTimer = setInterval(backupIfDue, BACKUP_CHECK_MS);
        backupTimer.unref?.();
      }
      if (workspacesRepo.list(db).some((ws) => ws.environment === 'demo')) {
        try {
          await demo.ensureStarted();
        } catch (error) {
          deps.logger.error('demo simulator did not start', { error });
        }
      }
      const active = runtime.activeId();
      // A stale id (the workspace was removed by another process, e.g. the CLI) falls back to the first.
      const valid = active !== null && workspacesRepo.get(db, active) ? active : null;
      await runtime.activate(valid ?? workspacesRepo.list(db)[0]?.id ?? null);
      // Only the long-running app (and `sync --watch`): a one-shot CLI command, `retention run --dry-run`
      // above all, must not purge as a side effect of opening the cache.
      if (runLoop && retentionTimer === undefined) retentionTick();
      if (runLoop && !problem && attentionTimer === undefined) attentionTick();
      // One-shot commands reach the team only when they need it (team status, decide, queues).
      if (runLoop) await services.team.start(true);
    },
    async close() {
      if (closed) return;
      closed = true;
      clearInterval(idleTimer);
      clearInterval(backupTimer);
      if (retentionTimer !== undefined) timers.clearTimeout(retentionTimer);
      clearTimeout(attentionTimer);
      notices.cancel();
      try {
        await services.team.stop();
        await runtime.stop();
        await demo.stop();
      } finally {
        // The last appends' anchors must reach the keychain before a one-shot CLI exits.
        await auditTrail.anchors.flush();
        cache.close();
      }
    },
  };
}
