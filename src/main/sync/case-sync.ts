import * as images from '../db/repos/images';
import * as lifecycle from '../db/repos/lifecycle';
import * as workspaces from '../db/repos/workspaces';
import { canonicalJson } from '../db/sql';
import { markOverCap, OndatoError, overCapOf, type Idv, type KycIdentification } from '../ondato';
import { classifyFailure } from './failures';
import { downloadMissing, type Call, type FileBackoff } from './images';
import { logUnexpected, type Runtime } from './options';
import { commitCheck, commitFailure, type FetchedCheck } from './persist';
import { hasRedaction, purgeWithTombstones, redactedUtcOf } from '../db/purge';
import { snapshot, type CaseSnapshot } from './transitions';
import type { Transition } from './types';

/** What one check needs from the engine around it. */
export interface CheckEnv {
  rt: Runtime;
  /** Every HTTP request goes through here: rate limit, connectivity and auth bookkeeping. */
  call: Call;
  /** The fetch order, taken when a request starts (a late older answer is then recognised as stale). */
  nextSeq(): number;
  isViewing(caseId: string): boolean;
  files: FileBackoff;
  /** When the rate limiter's Retry-After pause ends. */
  pausedUntil(): number;
  /** Transitions the cache now holds (emitted even if a later step of the check fails). */
  report(caseId: string, transitions: Transition[]): void;
  /**
   * The check is done with IDV and KYC and moves on to downloads: its check slot is freed for other
   * cases (the case itself stays in flight) and a download slot is awaited. Returns its release.
   */
  enterDownloads(caseId: string): Promise<() => void>;
}

export interface CheckRequest {
  caseId: string;
  /** For the request gate: lower goes first. */
  priority: number;
  /** Fetch the KYC even when nothing suggests it changed (the officer asked; a full pass). */
  forceKyc: boolean;
  /** The schedule's reason (cadence class) that made the case due, if any. */
  reason: string | null;
  /**
   * What a webhook said changed (ADR 0022): 'idv' reads the IDV, and the KYC only when it is new to
   * the cache; 'kyc' reads only the KYC when the cache already knows it (else both). Absent: a poll or
   * the officer's refresh, read as usual.
   */
  reads?: ReadScope;
}

/** The resource a webhook named: the read it earns (a trigger, never data). */
export type ReadScope = 'idv' | 'kyc';

export interface CheckOutcome {
  changed: boolean;
  imagesStored: number;
}

const SETTLED_KYC: ReadonlySet<string> = new Set(['Approved', 'Rejected']);

/**
 * Fetch the KYC when it is new to us, when the IDV changed, while a Completed IDV waits for Ondato's
 * decision (the decision changes only the KYC), and on a settled case's rare re-check (document data
 * edited upstream). Otherwise the IDV alone answers "anything new?" for one request instead of two.
 */
export function needsKyc(
  before: CaseSnapshot | null,
  idv: Idv,
  kycId: string,
  request: Pick<CheckRequest, 'forceKyc' | 'reason' | 'reads'>,
): boolean {
  if (request.forceKyc) return true;
  if (!before || before.kycId !== kycId || before.kycStatus === null) return true;
  // An IDV event: a change of the KYC comes with its own event.
  if (request.reads === 'idv') return false;
  if (before.idvJson !== canonicalJson(idv)) return true;
  const settled = SETTLED_KYC.has(before.kycStatus);
  if (idv.status === 'Completed' && !settled) return true;
  return settled && request.reason === 'settled';
}

async function run(env: CheckEnv, request: CheckRequest): Promise<CheckOutcome> {
  const { rt } = env;
  const { caseId, priority } = request;
  // A purged case (retention, redaction) keeps its minimal record: nothing is fetched into it again.
  if (lifecycle.isPurged(rt.db, caseId)) return { changed: false, imagesStored: 0 };
  const known = request.reads === 'kyc' ? snapshot(rt.db, rt.ws, caseId) : null;
  if (known?.kycId) return kycOnly(env, request, known.kycId);
  const fetched = await env.call(priority, async () => {
    const seq = env.nextSeq();
    return { idv: await rt.client.getIdv(caseId), seq };
  });
  // Never let an answer about another IDV land on (or create) a different case; a GUID that only
  // differs in letter case is the same IDV and is stored under the case's own spelling.
  if (fetched.idv.id.toLowerCase() !== caseId.toLowerCase()) {
    throw new OndatoError('bad_response', { operation: 'get IDV' });
  }
  // The copy keeps the response's mark of what was left out of it (bounds.ts).
  const idv = markOverCap({ ...fetched.idv, id: caseId }, overCapOf(fetched.idv));
  if (hasRedaction(idv)) return purgeFoundRedacted(rt, caseId, redactedUtcOf(idv));
  const kycId = idv.step?.kycIdentification?.id ?? null;

  const kyc =
    kycId !== null && needsKyc(snapshot(rt.db, rt.ws, caseId), idv, kycId, request)
      ? await readKyc(env, priority, kycId)
      : null;
  return commitAndDownload(env, request, { idv, idvSeq: fetched.seq, kyc, kycId });
}

/** The KYC a webhook named, read alone: the IDV it belongs to is already in the cache. */
async function kycOnly(env: CheckEnv, request: CheckRequest, kycId: string): Promise<CheckOutcome> {
  const kyc = await readKyc(env, request.priority, kycId);
  return commitAndDownload(env, request, { idv: null, idvSeq: kyc.seq, kyc, kycId });
}

async function readKyc(
  env: CheckEnv,
  priority: number,
  kycId: string,
): Promise<{ data: KycIdentification; seq: number }> {
  const kyc = await env.call(priority, async () => {
    const seq = env.nextSeq();
    return { data: await env.rt.client.getKyc(kycId), seq };
  });
  if (kyc.data.id !== kycId) throw new OndatoError('bad_response', { operation: 'get KYC identification' });
  return kyc;
}

/** Applies what was read (one transaction), reports it, then fetches the KYC's missing files. */
async function commitAndDownload(
  env: CheckEnv,
  request: CheckRequest,
  read: Pick<FetchedCheck, 'idv' | 'idvSeq' | 'kyc'> & { kycId: string | null },
): Promise<CheckOutcome> {
  const { rt } = env;
  const { caseId } = request;
  const { kycId } = read;
  const refusedFiles = kycId !== null && env.files.anyBlocked(images.missingFor(rt.db, kycId), rt.now());
  const result = commitCheck(rt, {
    caseId,
    idv: read.idv,
    idvSeq: read.idvSeq,
    kyc: read.kyc,
    viewing: env.isViewing(caseId),
    clean: !refusedFiles,
  });
  if (result.transitions.length > 0) env.report(caseId, result.transitions);
  const imagesStored = kycId === null ? 0 : await downloads(env, request, kycId);
  return { changed: result.changed || imagesStored > 0, imagesStored };
}

async function downloads(env: CheckEnv, request: CheckRequest, kycId: string): Promise<number> {
  const { caseId } = request;
  // Behind the status checks of the same class: images matter once the officer reviews.
  const target = { caseId, kycId, priority: request.priority + 0.5 };
  const stored = await downloadMissing(env.rt, env.call, env.files, target, () => env.enterDownloads(caseId));
  if (stored > 0) env.report(caseId, [{ kind: 'files_cached', count: stored }]);
  return stored;
}

/**
 * Redacted at Ondato by other means (its portal, another system): the stripped payload is not "the
 * data changed to empty", so it is not applied; the local copy is purged like after our own redaction.
 */
function purgeFoundRedacted(rt: Runtime, caseId: string, redactedUtc: string | null): CheckOutcome {
  const ws = workspaces.get(rt.db, rt.ws);
  if (!ws) return { changed: false, imagesStored: 0 };
  purgeWithTombstones(
    rt.db,
    ws,
    'redaction',
    [{ caseId, why: 'Ondato reported the verification as redacted', details: { redactedUtc }, redactedUtc }],
    { at: rt.now(), osUser: rt.osUser, officerName: null },
  );
  return { changed: true, imagesStored: 0 };
}

/**
 * One check of one case: GET the IDV, maybe the KYC, apply both with the schedule and the timeline in
 * one transaction, then fetch missing files. On failure the case's backoff is written and the error
 * rethrown (the engine decides what it means for everyone else).
 */
export async function checkCase(env: CheckEnv, request: CheckRequest): Promise<CheckOutcome> {
  try {
    return await run(env, request);
  } catch (error) {
    const failure = classifyFailure(error);
    const { rt } = env;
    if (failure.unexpected) logUnexpected(rt.logger, 'check', error, { caseId: request.caseId });
    else if (failure.kind !== 'stopped') {
      rt.logger.warn('sync: check failed', { caseId: request.caseId, code: failure.code });
    }
    if (failure.kind !== 'stopped') {
      try {
        commitFailure(rt, request.caseId, failure, env.pausedUntil());
      } catch (writeError) {
        logUnexpected(rt.logger, 'recording a failure', writeError, { caseId: request.caseId });
      }
    }
    throw error;
  }
}
