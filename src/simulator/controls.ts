import type { Idv } from '../shared/wire/schemas';
import { parseCalendarDate, iso } from './dates';
import { parseFaultRule, type ActiveFault, type FaultRule } from './faults';
import { createStreams, type SimContext } from './context';
import { idvJson } from './idv-payload';
import { editDocumentData, walk } from './lifecycle';
import { SimulatorError } from './reply';
import type { Counters, RequestLogEntry } from './request-log';
import { restoreSnapshot, takeSnapshot, type SimulatorSnapshot } from './snapshot';
import {
  ADVANCE_TARGETS,
  type AdvanceTarget,
  type DocumentChoice,
  type IdvRecord,
  type Mismatch,
  type Outcome,
} from './types';
import { isRecord } from './validation';

/** The `/__sim` operations, callable in-process. Invalid input throws a `SimulatorError`. */
export interface SimulatorControl {
  health(): { ok: true };
  advance(idvId: string, to: AdvanceTarget): Idv;
  setOutcome(idvId: string, outcome: Outcome): void;
  setMismatch(idvId: string, mismatch: Mismatch): void;
  setDocument(idvId: string, document: DocumentChoice): void;
  addFault(rule: FaultRule): { id: string };
  faults(): ActiveFault[];
  clearFaults(): void;
  revokeTokens(): void;
  setTokenLifetime(seconds: number): void;
  advanceClock(ms: number): { now: string };
  requests(): RequestLogEntry[];
  counters(): Counters;
  clearRequests(): void;
  reset(): void;
  /** The IDVs and id streams as JSON-serialisable data (see snapshot.ts). */
  snapshot(): SimulatorSnapshot;
  /** Replaces the IDVs and id streams with a snapshot's; 400 for a malformed one, 409 for another seed. */
  restore(snapshot: SimulatorSnapshot): void;
}

function bad(field: string, message: string): never {
  throw new SimulatorError(400, message, { [field]: [message] });
}

function objectBody(input: unknown): Record<string, unknown> {
  if (!isRecord(input)) bad('$', 'The body must be a JSON object.');
  return input;
}

function parseOutcome(input: unknown): Outcome {
  const body = objectBody(input);
  const status = body['status'];
  if (status !== 'Approved' && status !== 'Rejected') bad('status', 'status must be Approved or Rejected.');
  const reason = body['statusReason'];
  if (reason === undefined || reason === null) return { status };
  if (typeof reason !== 'string' || reason.length === 0)
    bad('statusReason', 'statusReason must be a string.');
  return { status, statusReason: reason };
}

const MISMATCH_FIELDS = [
  'firstName',
  'lastName',
  'dateOfBirth',
  'personalCode',
  'dateOfExpiration',
  'documentNumber',
] as const;

function parseMismatch(input: unknown): Mismatch {
  const body = objectBody(input);
  const out: Mismatch = {};
  for (const field of MISMATCH_FIELDS) {
    const value = body[field];
    if (value === undefined || value === null) continue;
    if (typeof value !== 'string' || value.length === 0) bad(field, `${field} must be a non-empty string.`);
    const isDate = field === 'dateOfBirth' || field === 'dateOfExpiration';
    if (isDate && !parseCalendarDate(value)) bad(field, `${field} must be a date (YYYY-MM-DD).`);
    out[field] = value;
  }
  return out;
}

function parseDocument(input: unknown): DocumentChoice {
  const body = objectBody(input);
  const out: DocumentChoice = {};
  const type = body['type'];
  // Any non-empty type is accepted on purpose: clients must survive document types they do not know.
  if (type !== undefined && (typeof type !== 'string' || !/^[A-Za-z]{1,40}$/.test(type))) {
    bad('type', 'type must be a document type such as IdCard or Passport.');
  }
  if (typeof type === 'string') out.type = type;
  for (const key of ['withBack', 'withSelfie'] as const) {
    const value = body[key];
    if (value !== undefined && typeof value !== 'boolean') bad(key, `${key} must be true or false.`);
    if (typeof value === 'boolean') out[key] = value;
  }
  return out;
}

function positiveNumber(input: unknown, field: string, allowZero: boolean): number {
  if (typeof input !== 'number' || !Number.isFinite(input) || input < 0 || (!allowZero && input === 0)) {
    bad(field, `${field} must be a ${allowZero ? 'non-negative' : 'positive'} number.`);
  }
  return input;
}

/** Operations on `unknown` input, shared by the HTTP routes and the typed in-process API. */
export function createOperations(ctx: SimContext) {
  const idv = (id: string): IdvRecord => {
    const record = ctx.store.get(id, ctx.clock.now());
    if (!record) throw new SimulatorError(404, `No identity verification with id '${id}'.`);
    return record;
  };
  return {
    health: (): { ok: true } => ({ ok: true }),
    advance(id: string, input: unknown): Idv {
      const to = ADVANCE_TARGETS.find((t) => t === input);
      if (!to) bad('to', `to must be one of ${ADVANCE_TARGETS.join(', ')}.`);
      const record = idv(id);
      walk(record, to, ctx.clock.now());
      return idvJson(record, ctx.applicationId);
    },
    setOutcome(id: string, input: unknown): void {
      const outcome = parseOutcome(input);
      const record = idv(id);
      if (record.kyc?.decision) throw new SimulatorError(409, 'The identification has already been decided.');
      record.outcome = outcome;
    },
    setMismatch(id: string, input: unknown): void {
      const mismatch = parseMismatch(input);
      idv(id).mismatch = mismatch;
    },
    setDocument(id: string, input: unknown): void {
      const document = parseDocument(input);
      const record = idv(id);
      if (record.kyc?.submittedAt !== undefined) {
        throw new SimulatorError(409, 'The customer has already submitted the document.');
      }
      record.document = { ...record.document, ...document };
    },
    editDocumentData(id: string, input: unknown): void {
      const fields = parseMismatch(input);
      if (Object.keys(fields).length === 0) bad('$', 'Give at least one document field to change.');
      editDocumentData(idv(id), fields, ctx.clock.now());
    },
    addFault: (input: unknown): { id: string } => ({ id: ctx.faults.add(parseFaultRule(input)).id }),
    faults: (): ActiveFault[] => ctx.faults.list(),
    clearFaults: (): void => ctx.faults.clear(),
    revokeTokens: (): void => ctx.tokens.clear(),
    setTokenLifetime(input: unknown): void {
      ctx.tokens.lifetimeSeconds = positiveNumber(input, 'seconds', false);
    },
    advanceClock(input: unknown): { now: string } {
      const ms = positiveNumber(input, 'ms', true);
      if (!ctx.ownClock) throw new SimulatorError(409, 'The clock was given by the caller; move it there.');
      ctx.ownClock.advance(ms);
      return { now: iso(ctx.clock.now()) };
    },
    requests: (): RequestLogEntry[] => ctx.log.list(),
    counters: (): Counters => ctx.log.counters(),
    clearRequests: (): void => ctx.log.clear(),
    reset(): void {
      ctx.store.clear();
      ctx.faults.clear();
      ctx.tokens.clear();
      ctx.tokens.lifetimeSeconds = ctx.tokenLifetimeSeconds;
      ctx.images.clear();
      ctx.webhooks.clear();
      // A reset simulator hands out the same ids as a fresh one with the same seed. Tokens continue
      // their stream: a token from before the reset must never become valid again.
      ctx.rng = { ...createStreams(ctx.seed), tokens: ctx.rng.tokens };
    },
    snapshot: (): SimulatorSnapshot => takeSnapshot(ctx),
    restore: (input: unknown): void => restoreSnapshot(ctx, input),
  };
}

export type Operations = ReturnType<typeof createOperations>;

export function createControl(ops: Operations): SimulatorControl {
  return {
    health: () => ops.health(),
    advance: (id, to) => ops.advance(id, to),
    setOutcome: (id, outcome) => ops.setOutcome(id, outcome),
    setMismatch: (id, mismatch) => ops.setMismatch(id, mismatch),
    setDocument: (id, document) => ops.setDocument(id, document),
    addFault: (rule) => ops.addFault(rule),
    faults: () => ops.faults(),
    clearFaults: () => ops.clearFaults(),
    revokeTokens: () => ops.revokeTokens(),
    setTokenLifetime: (seconds) => ops.setTokenLifetime(seconds),
    advanceClock: (ms) => ops.advanceClock(ms),
    requests: () => ops.requests(),
    counters: () => ops.counters(),
    clearRequests: () => ops.clearRequests(),
    reset: () => ops.reset(),
    snapshot: () => ops.snapshot(),
    restore: (snapshot) => ops.restore(snapshot),
  };
}
