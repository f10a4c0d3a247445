import type { SimContext } from './context';
import { Rng } from './random';
import { SimulatorError } from './reply';
import { findSetup } from './setups';
import type { IdvRecord } from './types';
import { isRecord } from './validation';

/**
 * Everything that makes the simulator's IDVs what they are, as plain JSON: the app's demo workspace
 * stores it (encrypted) and restores it on the next start, so demo cases keep working across restarts.
 * Tokens, faults and the request log are left out on purpose: they belong to a session, not to the data.
 */
export interface SimulatorSnapshot {
  format: 1;
  /** The seed of the simulator that took it; restore refuses another (the application id derives from it). */
  seed: number;
  /** The simulator clock when it was taken, ms. */
  takenAt: number;
  /** What `advanceClock` had added to wall time (0 when the caller owns the clock). */
  clockOffsetMs: number;
  /** Stream positions, so a restored simulator never hands out an id it already gave. */
  streams: { ids: number; faults: number; trace: number };
  idvs: IdvRecord[];
}

export function takeSnapshot(ctx: SimContext): SimulatorSnapshot {
  const snapshot: SimulatorSnapshot = {
    format: 1,
    seed: ctx.seed,
    takenAt: ctx.clock.now(),
    clockOffsetMs: ctx.ownClock?.offset() ?? 0,
    streams: {
      ids: ctx.rng.ids.position(),
      faults: ctx.rng.faults.position(),
      trace: ctx.rng.trace.position(),
    },
    idvs: ctx.store.records(),
  };
  // A deep copy through JSON: the caller gets plain data that later changes cannot reach.
  return JSON.parse(JSON.stringify(snapshot)) as SimulatorSnapshot;
}

function bad(message: string): never {
  throw new SimulatorError(400, `Not a simulator snapshot: ${message}`);
}

const STATUSES = new Set(['Pending', 'InProgress', 'Completed', 'Aborted', 'Expired', 'Suspended']);
const OBJECT_FIELDS = ['mismatch', 'document', 'customer', 'redacted'] as const;
const NUMBER_FIELDS = ['seed', 'createdAt', 'modifiedAt', 'lastActivityAt'] as const;

/**
 * Checks the shape the lifecycle code relies on. The snapshot comes from our own encrypted store, but
 * a file written by another build (or damaged) must be refused cleanly rather than crash a request later.
 */
function checkRecord(value: unknown, index: number): IdvRecord {
  const where = `idvs[${index}]`;
  if (!isRecord(value)) bad(`${where} is not an object`);
  if (typeof value['id'] !== 'string' || value['id'] === '') bad(`${where}.id`);
  if (typeof value['setupId'] !== 'string' || !findSetup(value['setupId'])) bad(`${where}.setupId`);
  if (typeof value['status'] !== 'string' || !STATUSES.has(value['status'])) bad(`${where}.status`);
  for (const key of NUMBER_FIELDS) if (typeof value[key] !== 'number') bad(`${where}.${key}`);
  for (const key of OBJECT_FIELDS) if (!isRecord(value[key])) bad(`${where}.${key}`);
  if (!Array.isArray(value['plan']) || !Array.isArray(value['history'])) bad(`${where}.plan/history`);
  if (value['kyc'] !== undefined && (!isRecord(value['kyc']) || typeof value['kyc']['id'] !== 'string'))
    bad(`${where}.kyc`);
  return value as unknown as IdvRecord;
}

export function parseSnapshot(input: unknown): SimulatorSnapshot {
  if (!isRecord(input)) bad('not an object');
  if (input['format'] !== 1) bad('unknown format');
  const { seed, takenAt, clockOffsetMs, streams, idvs } = input;
  if (typeof seed !== 'number' || !Number.isInteger(seed)) bad('seed');
  if (typeof takenAt !== 'number' || typeof clockOffsetMs !== 'number') bad('clock');
  if (!isRecord(streams)) bad('streams');
  const position = (key: string): number => {
    const value = streams[key];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) bad(`streams.${key}`);
    return value;
  };
  if (!Array.isArray(idvs)) bad('idvs');
  return {
    format: 1,
    seed,
    takenAt,
    clockOffsetMs,
    streams: { ids: position('ids'), faults: position('faults'), trace: position('trace') },
    idvs: idvs.map(checkRecord),
  };
}

/**
 * Replaces the IDVs, the id/fault/trace streams and the owned clock's offset with the snapshot's.
 * Tokens (and their stream), faults and the request log stay as they are.
 */
export function restoreSnapshot(ctx: SimContext, input: unknown): void {
  const snapshot = parseSnapshot(input);
  if (snapshot.seed !== ctx.seed) {
    throw new SimulatorError(409, 'The snapshot was taken by a simulator with another seed.');
  }
  // Our own copy: the caller's object must not alias live records.
  const records = parseSnapshot(JSON.parse(JSON.stringify(snapshot))).idvs;
  ctx.store.load(records);
  ctx.images.clear();
  ctx.webhooks.restored();
  ctx.rng = {
    ids: new Rng(snapshot.streams.ids),
    faults: new Rng(snapshot.streams.faults),
    trace: new Rng(snapshot.streams.trace),
    tokens: ctx.rng.tokens,
  };
  ctx.ownClock?.setOffset(snapshot.clockOffsetMs);
}
