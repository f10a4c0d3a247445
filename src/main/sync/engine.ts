import * as cases from '../db/repos/cases';
import { isOndatoError } from '../ondato';
import type { SyncState, SyncStatus } from '../../shared/domain/views';
import { PRIORITY } from './cadence';
import { checkCase, type CheckEnv, type CheckOutcome, type CheckRequest, type ReadScope } from './case-sync';
import { classifyFailure } from './failures';
import { RequestGate, Slots, SyncStopped } from './gate';
import { FileBackoff, type Call } from './images';
import { SyncLoop, priorityOf, type LoopMode } from './loop';
import { Connectivity } from './offline';
import { runPass } from './once';
import { logUnexpected, runtimeOf, type SyncEngineDeps } from './options';
import { ChangeBatcher } from './changes';
import { deferCase, dueNow, ensureScheduled, trackCase } from './persist';
import { RateLimiter } from './rate-limiter';
import { StatusPublisher } from './status';
import type { CaseChange, SyncEngine } from './types';

export type { SyncEngineDeps, SyncEngineOptions, Timers } from './options';

const DEFAULT_WATCH_MS = 15 * 60_000;
const noop = (): void => undefined;

type RefreshRequest = Omit<CheckRequest, 'caseId'>;

/** A refresh reads at the officer's priority; a webhook's names its resource, the officer's reads all. */
function refreshRequest(reads: ReadScope | undefined): RefreshRequest {
  const base = { priority: PRIORITY.viewing, reason: null };
  return reads === undefined ? { ...base, forceKyc: true } : { ...base, forceKyc: false, reads };
}

function widen(a: RefreshRequest, b: RefreshRequest): RefreshRequest {
  return a.reads !== undefined && a.reads === b.reads ? a : refreshRequest(undefined);
}
/** A 429 without Retry-After still pauses everyone briefly: hammering a limiter only extends it. */
const DEFAULT_RATE_PAUSE_MS = 5_000;

/**
 * The poller of one workspace (see types.ts for the contract and loop.ts for the scheduling).
 * State lives in the cache (sync_schedule); what is kept here is only what a restart may forget:
 * the connectivity verdict, refused files' backoff, the last error.
 */
export function createSyncEngine(deps: SyncEngineDeps): SyncEngine {
  const rt = runtimeOf(deps);
  const { options: o, logger } = rt;
  let fetchSeq = cases.maxFetchSeq(rt.db);
  const gate = new RequestGate(new RateLimiter(o.ratePerSecond, o.burst, rt.now), rt.timers);
  const connectivity = new Connectivity({
    threshold: o.offlineAfterFailures,
    probeMin: o.probeMin,
    probeMax: o.probeMax,
    random: rt.random,
  });
  const files = new FileBackoff(rt.random);
  /** Every case with a request chain in flight (one per case). */
  const inFlight = new Map<string, Promise<CheckOutcome>>();
  /** One follow-up read per case for refreshes that arrived while a read was in flight. */
  const followUps = new Map<string, { done: Promise<CheckOutcome>; request: RefreshRequest }>();
  /** Resolves when the case's current check is done with IDV and KYC (it may still be downloading). */
  const statusPhases = new Map<string, { done: Promise<void>; end: () => void }>();
  /** Every check not yet settled, including one still downloading after a follow-up took its place. */
  const unsettled = new Set<Promise<CheckOutcome>>();
  /** Per case, the end of the downloads already queued: two checks of a case never fetch the same file. */
  const caseDownloads = new Map<string, Promise<void>>();
  /** Those still fetching IDV/KYC: they hold the `concurrency` slots; downloads have their own. */
  const checking = new Set<string>();
  const downloads = new Slots(o.concurrency);
  let running = false;
  let stopping = false;
  let enabled = true;
  let authFailed = false;
  let viewingId: string | null = null;
  let queued = 0;
  let lastSuccessAt: number | null = null;
  let lastError: SyncStatus['lastError'] = null;

  function computeStatus(): SyncStatus {
    let state: SyncState = running ? 'online' : 'idle';
    if (authFailed) state = 'auth_failed';
    else if (running && !enabled) state = 'paused';
    else if (connectivity.state === 'offline') state = 'offline';
    const relay = deps.pollGate?.relayStatus?.();
    return {
      state,
      queued,
      inFlight: inFlight.size,
      lastSuccessAt,
      offlineSince: connectivity.offlineSince,
      lastError,
      ...(relay ? { teamRelay: relay } : {}),
    };
  }
  const status = new StatusPublisher(computeStatus(), logger);
  const publish = (): void => status.publish(computeStatus());
  // Team mode: the relay going live or silent changes what the status says (the cadence follows leases).
  let unsubscribeRelay: (() => void) | null = deps.pollGate?.onRelayChange?.(publish) ?? null;
  const leasesGranted = (caseIds: readonly string[]): void => {
    if (!running) return;
    guarded('lease', () => dueNow(rt, caseIds));
    loop.wake();
  };
  let unsubscribeGrant: (() => void) | null = deps.pollGate?.onGrant?.(leasesGranted) ?? null;
  const changes = new ChangeBatcher(rt.timers, logger);

  function onReached(): void {
    if (!connectivity.reached()) return;
    logger.warn('sync: online again', {});
    publish();
    loop.wake();
  }

  /** Engine-wide meaning of a failed request; the case's own backoff is written by checkCase. */
  function onRequestFailed(error: unknown): void {
    if (!isOndatoError(error)) return;
    const now = rt.now();
    if (error.code === 'network') {
      if (connectivity.networkFailure(now)) {
        logger.warn('sync: offline', { failures: connectivity.consecutiveFailures });
        loop.wake();
      }
    } else if (error.code !== 'timeout') {
      onReached(); // any answer, even an error, proves Ondato is reachable
    }
    if (error.code === 'rate_limited') gate.pauseUntil(now + (error.retryAfterMs ?? DEFAULT_RATE_PAUSE_MS));
    if ((error.code === 'auth_failed' || error.code === 'forbidden') && !authFailed) {
      authFailed = true;
      logger.warn('sync: credentials refused, polling stopped', { code: error.code });
    }
    publish();
  }

  const call: Call = async (priority, request) => {
    await gate.acquire(priority);
    try {
      const value = await request();
      onReached();
      return value;
    } catch (error) {
      onRequestFailed(error);
      throw error;
    }
  };

  const env: CheckEnv = {
    rt,
    call,
    nextSeq: () => (fetchSeq += 1),
    isViewing: (caseId) => caseId === viewingId,
    files,
    pausedUntil: () => gate.pausedUntil,
    report: (caseId, transitions) => changes.add({ caseId, transitions }),
    enterDownloads: async (caseId) => {
      statusPhases.get(caseId)?.end();
      if (checking.delete(caseId)) loop.pump();
      const before = caseDownloads.get(caseId);
      let finished: () => void = () => undefined;
      const mine = new Promise<void>((resolve) => (finished = resolve));
      caseDownloads.set(caseId, mine);
      await before;
      const release = await downloads.acquire().catch((error: unknown) => {
        finished();
        throw error;
      });
      return () => {
        release();
        finished();
        if (caseDownloads.get(caseId) === mine) caseDownloads.delete(caseId);
      };
    },
  };

  /**
   * Starts a check, or joins the one in flight for the case: one request chain per case. `stale` is a
   * check that finished but may still be registered (its bookkeeping runs a tick later): never join it.
   */
  function startCheck(
    caseId: string,
    request: Omit<CheckRequest, 'caseId'>,
    stale?: Promise<CheckOutcome>,
  ): Promise<CheckOutcome> {
    const existing = inFlight.get(caseId);
    if (existing && existing !== stale) return existing;
    checking.add(caseId);
    let end: () => void = () => undefined;
    const phase = { done: new Promise<void>((resolve) => (end = resolve)), end: () => end() };
    statusPhases.set(caseId, phase);
    const promise = checkCase(env, { caseId, ...request });
    inFlight.set(caseId, promise);
    unsettled.add(promise);
    publish();
    promise
      .then(
        () => {
          lastSuccessAt = rt.now();
        },
        (error: unknown) => {
          const failure = classifyFailure(error);
          if (failure.kind !== 'stopped')
            lastError = { code: failure.code, message: failure.message, at: rt.now() };
        },
      )
      .then(() => {
        phase.end();
        unsettled.delete(promise);
        if (statusPhases.get(caseId) === phase) statusPhases.delete(caseId);
        if (inFlight.get(caseId) === promise) {
          inFlight.delete(caseId);
          checking.delete(caseId);
        }
        publish();
        loop.pump();
      })
      .catch((error: unknown) => logUnexpected(logger, 'check bookkeeping', error));
    return promise;
  }

  const loopMode = (): LoopMode => {
    if (!running || !enabled || authFailed) return 'hold';
    return connectivity.state === 'offline' ? 'probe' : 'poll';
  };

  const loop: SyncLoop = new SyncLoop(rt, {
    mode: loopMode,
    inFlightIds: () => [...inFlight.keys()],
    freeSlots: () => o.concurrency - checking.size,
    dispatch: (entry) => {
      const gate = deps.pollGate;
      if (gate && !gate.allows(entry.caseId)) {
        deferCase(rt, entry.caseId, gate.deferMs);
        return 'deferred';
      }
      const priority = entry.caseId === viewingId ? PRIORITY.viewing : priorityOf(entry.reason);
      void startCheck(entry.caseId, { priority, forceKyc: false, reason: entry.reason }).catch(
        () => undefined,
      );
      return 'started';
    },
    nextProbeDelay: () => connectivity.nextProbeDelay(),
    probe: async () => {
      const target = loop.mostUrgent();
      try {
        if (target) await startCheck(target.caseId, { priority: 0, forceKyc: false, reason: target.reason });
        else await call(0, () => rt.client.listSetups());
      } catch {
        // The verdict is in `connectivity`; the case's failure is already recorded.
      }
    },
    queuedChanged: (n) => {
      queued = n;
      publish();
    },
  });

  function guarded(where: string, action: () => void): void {
    try {
      action();
    } catch (error) {
      logUnexpected(logger, where, error);
    }
  }

  return {
    start() {
      if (running) return;
      running = true;
      unsubscribeRelay ??= deps.pollGate?.onRelayChange?.(publish) ?? null;
      unsubscribeGrant ??= deps.pollGate?.onGrant?.(leasesGranted) ?? null;
      guarded('start', () => {
        const added = ensureScheduled(rt);
        if (added > 0) logger.debug('sync: scheduled cases without a schedule', { count: added });
      });
      publish();
      loop.start();
    },

    async stop() {
      running = false;
      stopping = true;
      unsubscribeRelay?.();
      unsubscribeRelay = null;
      unsubscribeGrant?.();
      unsubscribeGrant = null;
      loop.stop();
      // Checks waiting for a token end without a request; those already on the wire finish and apply.
      gate.cancelAll(new SyncStopped());
      downloads.cancelAll(new SyncStopped());
      while (unsettled.size > 0) await Promise.allSettled([...unsettled]);
      changes.flush();
      stopping = false;
      queued = 0;
      publish();
    },

    setEnabled(value) {
      enabled = value;
      if (value) authFailed = false;
      publish();
      loop.wake();
    },

    track(caseId, options = {}) {
      guarded('track', () => {
        if (!trackCase(rt, caseId, options.watchForMs ?? DEFAULT_WATCH_MS)) {
          logger.warn('sync: track of a case not in the cache', { caseId });
        }
      });
      loop.wake();
    },

    setViewing(caseId) {
      viewingId = caseId;
      if (caseId === null || loopMode() !== 'poll') return;
      void startCheck(caseId, { priority: PRIORITY.viewing, forceKyc: false, reason: 'viewing' }).catch(
        () => undefined,
      );
    },

    refresh(caseId, options = {}) {
      if (stopping) return Promise.reject(new SyncStopped());
      const request: RefreshRequest = refreshRequest(options.reads);
      const running = inFlight.get(caseId);
      if (!running) return startCheck(caseId, request).then(() => undefined);
      // A refresh asks what Ondato holds now (an officer's click, a webhook): the read in flight may
      // have been answered before the change that prompted it. Read again once its IDV and KYC are in
      // (its image downloads, at a lower priority, need not finish first: the two checks take turns
      // per file list); every refresh that arrives meanwhile shares that one follow-up read.
      const queued = followUps.get(caseId);
      if (queued) {
        // One follow-up covers every refresh that joins it: it reads what any of them asked for.
        queued.request = widen(queued.request, request);
        return queued.done.then(() => undefined);
      }
      const statusRead = statusPhases.get(caseId)?.done ?? Promise.resolve();
      const next: { done: Promise<CheckOutcome>; request: RefreshRequest } = {
        request,
        done: Promise.race([running.then(noop, noop), statusRead]).then(() => {
          followUps.delete(caseId);
          if (stopping) throw new SyncStopped();
          return startCheck(caseId, next.request, running);
        }),
      };
      followUps.set(caseId, next);
      return next.done.then(() => undefined);
    },

    async syncOnce(options = {}) {
      const usable = (): boolean => !stopping && !authFailed && connectivity.state === 'online';
      const gate = deps.pollGate;
      const report = await runPass(rt, options.all ?? false, {
        startCheck,
        usable,
        ...(gate ? { skip: (caseId: string) => !gate.allows(caseId) } : {}),
      });
      changes.flush();
      return report;
    },

    status: () => status.current,
    onChange: (listener: (changes: CaseChange[]) => void) => changes.subscribe(listener),
    onStatus: (listener) => status.subscribe(listener),
  };
}
