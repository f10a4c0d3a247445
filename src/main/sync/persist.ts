import * as cases from '../db/repos/cases';
import * as images from '../db/repos/images';
import * as kycRepo from '../db/repos/kyc';
import * as lifecycle from '../db/repos/lifecycle';
import * as schedule from '../db/repos/schedule';
import * as syncErrors from '../db/repos/sync-errors';
import * as queue from '../db/repos/sync-queue';
import type { ImageMime } from '../db/repos/images';
import { overCapOf, RESPONSE_LIMITS, type Idv, type KycIdentification, type OverCap } from '../ondato';
import { failureBackoff, nextInterval } from './cadence';
import type { Failure } from './failures';
import { RESPONSE_TRIMMED_CODE } from '../../shared/domain/notices';
import type { Runtime } from './options';
import { auditTransitions, diff, snapshot } from './transitions';
import type { Transition } from './types';
import { writeTx } from '../db/storage';

/*
 * Every write of one check. Each function is one transaction with no await inside, so a crash (or a
 * SIGKILL) leaves a case either as it was or fully updated: data, schedule and timeline together.
 * The repos' own transactions nest as savepoints.
 */

const HOUR = 3_600_000;
const FILES_PENDING_MS = 60_000;

const SETTLED_KYC: ReadonlySet<string> = new Set(['Approved', 'Rejected']);
const IDV_IN_FLOW: ReadonlySet<string> = new Set(['Pending', 'InProgress', 'Suspended']);

/**
 * The IDV and the KYC are two requests: Ondato can complete and decide between them, so a decided
 * KYC under an IDV still in the flow is a moment between two reads, not a settled case. It is polled
 * at the IDV's own cadence until the IDV catches up, instead of the settled six hours.
 */
export function cadenceKycStatus(idvStatus: string, kycStatus: string | null): string | null {
  return kycStatus !== null && SETTLED_KYC.has(kycStatus) && IDV_IN_FLOW.has(idvStatus)
    ? 'Awaiting'
    : kycStatus;
}

export interface CheckResult {
  transitions: Transition[];
  changed: boolean;
}

export interface FetchedCheck {
  caseId: string;
  /** Null when only the KYC was read (a KYC webhook): the cached IDV stands. */
  idv: Idv | null;
  idvSeq: number;
  kyc: { data: KycIdentification; seq: number } | null;
  viewing: boolean;
  /** No step failed and no file of the case is refused: old sync errors of the case can go. */
  clean: boolean;
}

export function commitCheck(rt: Runtime, fetched: FetchedCheck): CheckResult {
  const { db, ws } = rt;
  const now = rt.now();
  return writeTx(db, (): CheckResult => {
    const before = snapshot(db, ws, fetched.caseId);
    const idvResult = fetched.idv
      ? cases.applyIdv(db, ws, fetched.idv, fetched.idvSeq, now)
      : cases.markSynced(db, fetched.caseId, fetched.idvSeq, now);
    const kycResult = fetched.kyc
      ? kycRepo.applyKyc(db, ws, fetched.caseId, fetched.kyc.data, fetched.kyc.seq, now)
      : 'unchanged';
    const changed = idvResult === 'changed' || kycResult === 'changed';
    const after = changed ? snapshot(db, ws, fetched.caseId) : before;
    const transitions = after ? diff(before, after) : [];
    auditTransitions(db, ws, fetched.caseId, transitions, now, rt.osUser);

    const prev = schedule.get(db, fetched.caseId);
    const lastChangeAt = changed ? now : (prev?.lastChangeAt ?? now);
    const watchUntil = prev?.watchUntil ?? null;
    const idvStatus = after?.idvStatus ?? fetched.idv?.status ?? 'Pending';
    const { cls, interval } = nextInterval({
      idvStatus,
      kycStatus: cadenceKycStatus(idvStatus, after?.kycStatus ?? null),
      lastChangeAt,
      watchUntil,
      viewing: fetched.viewing,
      now,
    });
    // Files still to download come next in this check; should it die first (crash, quit), the case
    // must come back soon, not after a settled case's six hours. commitFiles restores the cadence.
    const kycId = after?.kycId ?? null;
    const filesPending = kycId !== null && images.missingFor(db, kycId).length > 0;
    schedule.upsert(db, {
      caseId: fetched.caseId,
      nextAt: now + (filesPending ? Math.min(interval, FILES_PENDING_MS) : interval),
      intervalMs: interval,
      failures: 0,
      lastCheckedAt: now,
      lastChangeAt,
      watchUntil: watchUntil !== null && watchUntil > now ? watchUntil : null,
      reason: cls,
    });
    if (fetched.clean && (prev?.failures ?? 0) > 0) syncErrors.clear(db, ws, fetched.caseId);
    markTrimmed(rt, fetched, now);
    return { transitions, changed };
  });
}

export const TRIMMED_CODE = RESPONSE_TRIMMED_CODE;

/** The officer-facing words for a response KYC Desk did not keep whole (no customer data in them). */
export function trimmedMessage(over: readonly OverCap[]): string {
  const fields = over.includes('depth') || over.includes('size');
  const files = over.includes('files');
  const filesText = `Ondato listed more files than KYC Desk keeps; only the first ${RESPONSE_LIMITS.maxFilesPerKyc} were stored.`;
  const fieldsText = "Ondato's response was larger than KYC Desk keeps; only the known fields were stored.";
  return fields && files ? `${fieldsText} ${filesText}` : files ? filesText : fieldsText;
}

/**
 * Keeps the case's "response trimmed" notice in step with the last check (inside its transaction) and
 * logs once, when the case first gets it: a case polled every few seconds does not flood the log.
 */
function markTrimmed(rt: Runtime, fetched: FetchedCheck, now: number): void {
  const idvOver = fetched.idv ? overCapOf(fetched.idv) : [];
  if (fetched.kyc === null && idvOver.length === 0) {
    // The KYC was not read this time: a notice about it stays until the KYC is read again.
    return;
  }
  const over = [...new Set([...idvOver, ...(fetched.kyc ? overCapOf(fetched.kyc.data) : [])])];
  const result = syncErrors.setCaseNotice(rt.db, rt.ws, {
    caseId: fetched.caseId,
    code: TRIMMED_CODE,
    message: over.length > 0 ? trimmedMessage(over) : null,
    at: now,
  });
  if (result === 'added')
    rt.logger.warn('sync: response over the kept limits', { caseId: fetched.caseId, over });
}

/**
 * A failed check: the case backs off (or waits for the Retry-After), the error is recorded when it is
 * the case's own. `pausedUntil` is the rate limiter's pause end.
 */
export function commitFailure(rt: Runtime, caseId: string, failure: Failure, pausedUntil: number): void {
  const { db, ws } = rt;
  const now = rt.now();
  writeTx(db, () => {
    if (!queue.caseExists(db, ws, caseId)) return;
    if (failure.record) {
      syncErrors.record(db, ws, {
        caseId,
        fileId: null,
        at: now,
        code: failure.code,
        message: failure.message,
      });
    }
    // Auth failures stop the whole engine: the case stays due for when the credentials work again.
    if (failure.kind === 'auth' || failure.kind === 'stopped') return;
    const prev = schedule.get(db, caseId);
    const base = {
      caseId,
      intervalMs: prev?.intervalMs ?? 0,
      failures: prev?.failures ?? 0,
      lastCheckedAt: prev?.lastCheckedAt ?? null,
      lastChangeAt: prev?.lastChangeAt ?? now,
      watchUntil: prev?.watchUntil ?? null,
      reason: prev?.reason ?? 'unknown',
    };
    if (failure.kind === 'rate_limited') {
      schedule.upsert(db, { ...base, nextAt: Math.max(now, pausedUntil) });
      return;
    }
    if (failure.kind === 'network') {
      // Not the case's fault: a short wait without counting, so a long outage (probes hit the most
      // urgent case) does not leave that case backed off for minutes once the network is back.
      schedule.upsert(db, { ...base, nextAt: now + failureBackoff(1, rt.random) });
      return;
    }
    const failures = base.failures + 1;
    const wait =
      failure.kind === 'not_found'
        ? Math.max(HOUR, failureBackoff(failures, rt.random, HOUR, 24 * HOUR))
        : failureBackoff(failures, rt.random);
    schedule.upsert(db, {
      ...base,
      failures,
      nextAt: now + wait,
      reason: failure.kind === 'not_found' ? 'not_found' : base.reason,
    });
  });
}

export interface FileOutcome {
  stored: { fileId: string; mime: ImageMime; bytes: Buffer }[];
  refused: { fileId: string; code: string; message: string }[];
  /** The earliest time a refused file may be tried again; the case comes back by then. */
  retryAt: number | null;
  /** Every missing file was tried or is backing off (false: a transient failure stopped the downloads). */
  complete: boolean;
}

/**
 * Stores downloaded files and records refused ones (one transaction); returns how many images are new.
 * The case's next check goes back to its cadence, or earlier when a refused file may be retried.
 */
export function commitFiles(rt: Runtime, target: { caseId: string }, outcome: FileOutcome): number {
  const { db, ws } = rt;
  const { caseId } = target;
  const now = rt.now();
  return writeTx(db, (): number => {
    let count = 0;
    for (const file of outcome.stored) {
      if (images.put(db, { ...file, fetchedAt: now }) === 'stored') count += 1;
    }
    if (count > 0) auditTransitions(db, ws, caseId, [{ kind: 'files_cached', count }], now, rt.osUser);
    for (const r of outcome.refused) {
      syncErrors.record(db, ws, { caseId, fileId: r.fileId, at: now, code: r.code, message: r.message });
    }
    const entry = schedule.get(db, caseId);
    if (entry && outcome.complete) {
      const cadenceAt = (entry.lastCheckedAt ?? now) + entry.intervalMs;
      const nextAt = Math.max(now, Math.min(cadenceAt, outcome.retryAt ?? Number.POSITIVE_INFINITY));
      if (nextAt !== entry.nextAt) schedule.upsert(db, { ...entry, nextAt });
    }
    return count;
  });
}

/** Gives every case of the workspace without a schedule row one, spread over its cadence interval. */
export function ensureScheduled(rt: Runtime): number {
  const { db, ws } = rt;
  const now = rt.now();
  return writeTx(db, (): number => {
    const missing = queue.unscheduled(db, ws);
    for (const c of missing) {
      const lastChangeAt = Math.min(now, c.changedAt);
      const { cls, interval } = nextInterval({
        idvStatus: c.idvStatus,
        kycStatus: c.kycStatus,
        lastChangeAt,
        watchUntil: null,
        viewing: false,
        now,
      });
      // Spread: 100,000 settled cases found at once must not all be due this second.
      schedule.upsert(db, {
        caseId: c.caseId,
        nextAt: now + Math.floor(rt.random() * interval),
        intervalMs: interval,
        failures: 0,
        lastCheckedAt: null,
        lastChangeAt,
        watchUntil: null,
        reason: cls,
      });
    }
    return missing.length;
  });
}

/** A case just created (or asked to be watched): due now, watched closely until `now + watchForMs`. */
export function trackCase(rt: Runtime, caseId: string, watchForMs: number): boolean {
  const { db, ws } = rt;
  const now = rt.now();
  return writeTx(db, (): boolean => {
    if (!queue.caseExists(db, ws, caseId) || lifecycle.isPurged(db, caseId)) return false;
    const prev = schedule.get(db, caseId);
    schedule.upsert(db, {
      caseId,
      nextAt: now,
      intervalMs: 0,
      failures: 0,
      lastCheckedAt: prev?.lastCheckedAt ?? null,
      lastChangeAt: now,
      watchUntil: now + watchForMs,
      reason: 'new',
    });
    return true;
  });
}

/** Team mode: a case another desk polls comes back to this desk's gate after `ms`, unrequested. */
/**
 * Team mode: this desk won the poll leases of `caseIds`, so they are due now. A case the team mirrored
 * into the cache has no schedule row yet (ensureScheduled runs at start): it gets one first.
 */
export function dueNow(rt: Runtime, caseIds: readonly string[]): void {
  ensureScheduled(rt);
  const now = rt.now();
  writeTx(rt.db, () => {
    for (const id of caseIds) {
      const entry = schedule.get(rt.db, id);
      if (entry && entry.nextAt > now) schedule.upsert(rt.db, { ...entry, nextAt: now });
    }
  });
}

export function deferCase(rt: Runtime, caseId: string, ms: number): void {
  schedule.deferTo(rt.db, caseId, rt.now() + ms);
}
