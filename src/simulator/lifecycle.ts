import { DAY, HOUR } from './dates';
import { documentData } from './document-data';
import { idvJson } from './idv-payload';
import { kycJson } from './kyc-payload';
import { derived } from './random';
import { SimulatorError } from './reply';
import { automaticRules, resolveDecision } from './rules';
import { findSetup, type SetupDef } from './setups';
import type { AdvanceTarget, IdvRecord, KnownIdvStatus, Mismatch } from './types';

/** `visit` opens without recording consent: the customer page asks for consent on its own step. */
export type Step = AdvanceTarget | 'consent' | 'visit';

const IN_PROGRESS_IDLE_MS = 2 * HOUR;
const WAITING_IDLE_MS = 7 * DAY;
const MAIN_PATH: readonly AdvanceTarget[] = ['open', 'kyc-start', 'submit', 'complete', 'decide'];
const OPEN_STATES: readonly KnownIdvStatus[] = ['Pending', 'InProgress', 'Suspended'];

export function setupOf(record: IdvRecord): SetupDef {
  const setup = findSetup(record.setupId);
  if (!setup) throw new Error(`IDV ${record.id} refers to an unknown setup`);
  return setup;
}

function touch(record: IdvRecord, at: number): void {
  record.modifiedAt = at;
  record.lastActivityAt = at;
}

function setStatus(record: IdvRecord, status: KnownIdvStatus, at: number): void {
  record.status = status;
  touch(record, at);
  record.history.push({
    type: 'IdentityVerification.StatusChanged',
    at,
    payload: { id: record.id, status },
    resource: { ...idvJson(record, '') },
  });
}

export function kycEvent(record: IdvRecord, type: string, at: number): void {
  const kyc = record.kyc;
  if (!kyc) return;
  const status = kyc.decision?.status ?? 'Awaiting';
  const statusReason = kyc.decision
    ? kyc.decision.statusReason
    : kyc.submittedAt
      ? 'Processing'
      : 'Unfinished';
  record.history.push({
    type,
    at,
    payload: {
      id: kyc.id,
      identityVerificationId: record.id,
      status,
      ...(statusReason ? { statusReason } : {}),
    },
    resource: { ...kycJson(record, '') },
  });
}

function recordConsent(record: IdvRecord, at: number): void {
  if (!setupOf(record).consent || record.consentedAt !== undefined) return;
  record.consentedAt = at;
  touch(record, at);
  record.history.push({
    type: 'IdentityVerification.Consented',
    at,
    payload: { id: record.id },
    resource: { ...idvJson(record, '') },
  });
}

/**
 * An officer at Ondato corrects the document data in the portal after the customer submitted it: the
 * KYC changes without a status change and Ondato sends `KycIdentification.Updated`.
 */
export function editDocumentData(record: IdvRecord, fields: Mismatch, at: number): void {
  if (record.kyc?.submittedAt === undefined) {
    throw new SimulatorError(409, 'The customer has not submitted a document yet.');
  }
  record.mismatch = { ...record.mismatch, ...fields };
  touch(record, at);
  kycEvent(record, 'KycIdentification.Updated', at);
}

/** Applies one step at `at`; false when the IDV is not in a state where that step can happen. */
export function applyStep(record: IdvRecord, step: Step, at: number): boolean {
  const kyc = record.kyc;
  switch (step) {
    case 'open':
    case 'visit':
      if (record.status !== 'Pending') return false;
      setStatus(record, 'InProgress', at);
      if (step === 'open') recordConsent(record, at);
      return true;
    case 'consent':
      if (record.status !== 'InProgress' || record.consentedAt !== undefined) return false;
      recordConsent(record, at);
      return true;
    case 'kyc-start':
      if (record.status !== 'InProgress' || kyc) return false;
      record.kyc = { id: derived(record.seed, 'kyc').uuid(), createdAt: at };
      touch(record, at);
      kycEvent(record, 'KycIdentification.Created', at);
      return true;
    case 'submit':
      if (record.status !== 'InProgress' || !kyc || kyc.submittedAt !== undefined) return false;
      kyc.submittedAt = at;
      touch(record, at);
      kycEvent(record, 'KycIdentification.Processed', at);
      return true;
    case 'complete':
      if (record.status !== 'InProgress' || kyc?.submittedAt === undefined) return false;
      setStatus(record, 'Completed', at);
      return true;
    case 'decide': {
      if (record.status !== 'Completed' || !kyc || kyc.submittedAt === undefined || kyc.decision)
        return false;
      const setup = setupOf(record);
      const rules = automaticRules(documentData(record, setup), setup.selfie, kyc.submittedAt);
      kyc.decision = resolveDecision(record, rules);
      kyc.decidedAt = at;
      touch(record, at);
      kycEvent(record, `KycIdentification.${kyc.decision.status}`, at);
      return true;
    }
    case 'abort':
    case 'expire':
      if (!OPEN_STATES.includes(record.status)) return false;
      setStatus(record, step === 'abort' ? 'Aborted' : 'Expired', at);
      return true;
    case 'suspend':
      if (record.status !== 'InProgress') return false;
      setStatus(record, 'Suspended', at);
      return true;
    case 'resume':
      if (record.status !== 'Suspended') return false;
      setStatus(record, 'InProgress', at);
      return true;
  }
}

function expiryDeadline(record: IdvRecord): number | undefined {
  if (record.status === 'InProgress') return record.lastActivityAt + IN_PROGRESS_IDLE_MS;
  if (record.status === 'Pending' || record.status === 'Suspended')
    return record.lastActivityAt + WAITING_IDLE_MS;
  return undefined;
}

/**
 * Brings an IDV up to `now`: planned steps and expiry happen at the instant they were due, in order,
 * so a clock that jumps a week ahead still sees (and timestamps) every transition in between.
 */
export function settle(record: IdvRecord, now: number): void {
  for (;;) {
    const deadline = expiryDeadline(record);
    const next = record.plan[0];
    if (deadline !== undefined && deadline <= now && (!next || deadline < next.at)) {
      applyStep(record, 'expire', deadline);
      record.plan = [];
      return;
    }
    if (!next || next.at > now) return;
    record.plan.shift();
    applyStep(record, next.step, next.at);
  }
}

function reached(record: IdvRecord, step: AdvanceTarget): boolean {
  switch (step) {
    case 'open':
      return record.status !== 'Pending';
    case 'kyc-start':
      return record.kyc !== undefined;
    case 'submit':
      return record.kyc?.submittedAt !== undefined;
    case 'complete':
      return record.status === 'Completed';
    default:
      return record.kyc?.decision !== undefined;
  }
}

function must(record: IdvRecord, step: Step, at: number): void {
  if (!applyStep(record, step, at)) {
    throw new SimulatorError(409, `Cannot ${step} an identity verification that is ${record.status}.`);
  }
}

/**
 * A manual step (control route, customer page), walking the main-path steps in between. Manual
 * intervention takes the IDV off autopilot so the two never fight over it.
 */
export function walk(record: IdvRecord, to: AdvanceTarget, now: number): void {
  settle(record, now);
  const mainIndex = MAIN_PATH.indexOf(to);
  if (mainIndex >= 0) {
    if (reached(record, to))
      throw new SimulatorError(409, `The identity verification is already past '${to}'.`);
    if (record.status === 'Suspended') must(record, 'resume', now);
    for (const step of MAIN_PATH.slice(0, mainIndex + 1)) {
      if (!reached(record, step)) must(record, step, now);
    }
  } else if (to === 'suspend' && record.status === 'Pending') {
    must(record, 'open', now);
    must(record, 'suspend', now);
  } else {
    must(record, to, now);
  }
  record.plan = [];
}
