import type { Db } from '../src/main/db/sql';
import type { OndatoClient } from '../src/main/ondato';
import { createSyncEngine } from '../src/main/sync/engine';
import type { SyncEngine } from '../src/main/sync/types';
import type { ScaledTime } from './scaled-time';

/** A poller under test: told about each new case, reports when it first saw each state of a case. */
export interface Poller {
  name: string;
  track(caseId: string): void;
  /** `${caseId}|${state}` → simulated time the cache (or the naive loop) first held that state. */
  seen: Map<string, number>;
  stop(): Promise<void>;
}

function mark(seen: Map<string, number>, caseId: string, state: string, at: number): void {
  const key = `${caseId}|${state}`;
  if (!seen.has(key)) seen.set(key, at);
}

/** KYC Desk's engine: cadence by state, rate limit, priorities, persisted schedule. */
export function enginePoller(db: Db, workspaceId: string, client: OndatoClient, time: ScaledTime): Poller {
  const seen = new Map<string, number>();
  const engine: SyncEngine = createSyncEngine({
    db,
    workspaceId,
    client,
    clock: time.clock,
    timers: time.timers,
    random: mulberry32(7),
    osUser: 'bench',
  });
  engine.onChange((changes) => {
    const at = time.clock.now();
    for (const change of changes) {
      for (const t of change.transitions) {
        if (t.kind === 'idv_status') mark(seen, change.caseId, `IDV ${t.to}`, at);
        if (t.kind === 'kyc_status' && (t.to === 'Approved' || t.to === 'Rejected'))
          mark(seen, change.caseId, `KYC ${t.to}`, at);
      }
    }
  });
  engine.start();
  return {
    name: 'KYC Desk engine',
    track: (caseId) => engine.track(caseId),
    seen,
    stop: () => engine.stop(),
  };
}

const SETTLED = new Set(['Aborted', 'Expired']);

/**
 * The poller one writes first: every 10 s, every case that is not settled, IDV and (once there is
 * one) KYC, plus each file once. No rate limit, no back-off.
 */
export function naivePoller(client: OndatoClient, time: ScaledTime): Poller {
  const seen = new Map<string, number>();
  const open = new Map<string, { kycId: string | null; files: Set<string> }>();
  let running = true;
  const loop = async (): Promise<void> => {
    while (running) {
      const round = [...open.entries()].map(async ([caseId, state]) => {
        try {
          const idv = await client.getIdv(caseId);
          mark(seen, caseId, `IDV ${idv.status}`, time.clock.now());
          state.kycId = idv.step?.kycIdentification?.id ?? state.kycId;
          if (SETTLED.has(idv.status)) open.delete(caseId);
          if (!state.kycId) return;
          const kyc = await client.getKyc(state.kycId);
          if (kyc.status === 'Approved' || kyc.status === 'Rejected') {
            mark(seen, caseId, `KYC ${kyc.status}`, time.clock.now());
            open.delete(caseId);
          }
          for (const file of kyc.document?.files ?? []) {
            if (state.files.has(file.fileId)) continue;
            await client.getKycFile(state.kycId, file.fileId);
            state.files.add(file.fileId);
          }
        } catch {
          // Counted by the simulator's request log; the next round tries again.
        }
      });
      await Promise.all([Promise.all(round), time.sleep(10_000)]);
    }
  };
  const done = loop();
  return {
    name: 'naive (every open case every 10 s)',
    track: (caseId) => void open.set(caseId, { kycId: null, files: new Set() }),
    seen,
    stop: async () => {
      running = false;
      await done;
    },
  };
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
