import { writeTx } from '../db/storage';
import * as auditRepo from '../db/repos/audit';
import * as lifecycleRepo from '../db/repos/lifecycle';
import * as workspacesRepo from '../db/repos/workspaces';
import { purgeWithTombstones } from '../db/purge';
import type { Db } from '../db/sql';
import type { RetentionReport, RetentionView } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import type { ServiceContext } from './context';

const DAY = 86_400_000;

export interface RetentionService {
  get(): RetentionView;
  set(days: number | null): RetentionView;
  run(options: { dryRun: boolean }): RetentionReport;
  /** Every workspace with a policy (app start and the daily timer). */
  runAll(): RetentionReport[];
}

interface Actor {
  db: Db;
  now: number;
  osUser: string;
}

/**
 * Applies a workspace's policy: every case whose final decision is older than the period loses its
 * personal data and images, each with a `retention.purged` tombstone in the same transaction. The
 * freed bytes are then scrubbed (scrub.ts). A dry run reports the same list and changes nothing.
 */
export function applyRetention(actor: Actor, ws: Workspace, dryRun: boolean): RetentionReport {
  const { db, now } = actor;
  const policy = lifecycleRepo.getPolicy(db, ws.id);
  const base = { workspaceId: ws.id, workspaceName: ws.name, days: policy.days, dryRun, ranAt: now };
  if (policy.days === null) return { ...base, cutoff: null, cases: [] };
  const cutoff = now - policy.days * DAY;
  const candidates = lifecycleRepo.retentionCandidates(db, ws.id, cutoff);
  const cases = candidates.map((c) => ({
    caseId: c.caseId,
    externalRef: c.externalRef,
    decision: c.decision,
    decidedAt: c.decidedAt,
    files: c.files,
    images: c.images,
  }));
  if (dryRun) return { ...base, cutoff, cases };
  purgeWithTombstones(
    db,
    ws,
    'retention',
    candidates.map((c) => ({
      caseId: c.caseId,
      why: `retention policy: ${policy.days} days after the final decision`,
      details: { policyDays: policy.days, decidedAt: c.decidedAt },
    })),
    { at: now, osUser: actor.osUser, officerName: ws.officerName },
    () => lifecycleRepo.markRun(db, ws.id, now),
  );
  return { ...base, cutoff, cases };
}

export function createRetentionService(ctx: ServiceContext): RetentionService {
  const { db } = ctx;
  const actor = (): Actor => ({ db, now: ctx.now(), osUser: ctx.osUser });

  function view(ws: Workspace): RetentionView {
    const policy = lifecycleRepo.getPolicy(db, ws.id);
    return { workspaceId: ws.id, days: policy.days, lastRunAt: policy.lastRunAt };
  }

  function emitPurged(reports: RetentionReport[]): void {
    const ids = reports.filter((r) => !r.dryRun).flatMap((r) => r.cases.map((c) => c.caseId));
    if (ids.length > 0) ctx.events.emit('cases:changed', { ids });
  }

  return {
    get: () => view(ctx.runtime.workspace()),
    set(days) {
      const ws = ctx.runtime.workspace();
      const before = lifecycleRepo.getPolicy(db, ws.id).days;
      const at = ctx.now();
      writeTx(db, () => {
        lifecycleRepo.setPolicy(db, ws.id, days, at);
        auditRepo.append(db, ws.id, {
          action: 'retention.policy_changed',
          at,
          osUser: ctx.osUser,
          officerName: ws.officerName,
          details: { from: before, to: days },
        });
      });
      return view(ws);
    },
    run({ dryRun }) {
      const report = applyRetention(actor(), ctx.runtime.workspace(), dryRun);
      emitPurged([report]);
      return report;
    },
    runAll() {
      const reports: RetentionReport[] = [];
      for (const ws of workspacesRepo.list(db)) {
        if (lifecycleRepo.getPolicy(db, ws.id).days === null) continue;
        try {
          reports.push(applyRetention(actor(), ws, false));
        } catch (error) {
          // One workspace's failure must not stop the others; the next run tries again.
          ctx.logger.error('retention run failed', { workspaceId: ws.id, error });
        }
      }
      emitPurged(reports);
      return reports;
    },
  };
}
