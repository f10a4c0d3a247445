import * as queue from '../db/repos/sync-queue';
import { classify, PRIORITY } from './cadence';
import type { CheckOutcome, CheckRequest } from './case-sync';
import { SyncStopped } from './gate';
import type { Runtime } from './options';
import type { SyncOnceReport } from './types';

export interface PassHooks {
  startCheck(caseId: string, request: Omit<CheckRequest, 'caseId'>): Promise<CheckOutcome>;
  /** False once the pass cannot usefully go on (stopping, credentials refused, offline). */
  usable(): boolean;
  /** Team mode: cases another desk polls (their results come through the team). */
  skip?(caseId: string): boolean;
}

/**
 * One pass over the workspace for `kyc-desk sync --once`: every case that is not settled (or every
 * case with `all`, which also re-reads settled KYCs), most urgent class first, `concurrency` at a
 * time, through the same checks, rate limit and backoff as the loop.
 */
export async function runPass(rt: Runtime, all: boolean, hooks: PassHooks): Promise<SyncOnceReport> {
  const report: SyncOnceReport = { checked: 0, changed: 0, failed: 0, imagesStored: 0 };
  const now = rt.now();
  const targets = queue
    .casesOf(rt.db, rt.ws)
    .map((c) => {
      const input = { ...c, lastChangeAt: c.changedAt, watchUntil: null, viewing: false, now };
      return { caseId: c.caseId, cls: classify(input) };
    })
    .filter((t) => (all || t.cls !== 'settled') && !hooks.skip?.(t.caseId))
    .sort((a, b) => PRIORITY[a.cls] - PRIORITY[b.cls]);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < targets.length && hooks.usable()) {
      const target = targets[next]!;
      next += 1;
      try {
        const request = { priority: PRIORITY[target.cls], forceKyc: all, reason: target.cls };
        const outcome = await hooks.startCheck(target.caseId, request);
        report.checked += 1;
        if (outcome.changed) report.changed += 1;
        report.imagesStored += outcome.imagesStored;
      } catch (error) {
        if (error instanceof SyncStopped) return;
        report.checked += 1;
        report.failed += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: rt.options.concurrency }, worker));
  return report;
}
