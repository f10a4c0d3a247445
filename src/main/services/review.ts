import * as auditRepo from '../db/repos/audit';
import { verifyTrail } from '../db/audit-verify';
import * as casesRepo from '../db/repos/cases';
import * as decisionsRepo from '../db/repos/decisions';
import type { AuditChainCheck, AuditEvent } from '../../shared/domain/audit';
import type { DecisionRecord } from '../../shared/domain/decision';
import { calendarDate } from '../../shared/domain/dates';
import { DECISION_REASONS, isReasonFor } from '../../shared/domain/reasons';
import { computeRiskFlags } from '../../shared/domain/risk-flags';
import type { ParsedInput } from '../../shared/ipc/contract';
import type { ServiceContext } from './context';
import { checkAgainstExport, writeTrailExport, type TrailExport } from './audit-export';
import { acceptGuard } from './decision-guard';
import { caseNotFound, invalidInput } from './errors';
import type { TeamService } from './team';
import { writeTx } from '../db/storage';

export type DecideInput = ParsedInput<'review:decide'>;

export interface ReviewService {
  decide(input: DecideInput): DecisionRecord;
  decisions(caseId: string): DecisionRecord[];
}

export interface AuditService {
  list(input: { caseId?: string | undefined; limit?: number | undefined }): AuditEvent[];
  /** The active workspace's chain, its decisions, the desk chain and both anchors. */
  verify(): Promise<AuditChainCheck>;
  /** As verify, plus: the trail still holds everything an earlier export (FILE) held. */
  verifyAgainst(file: string): Promise<AuditChainCheck>;
  /** Writes the active workspace's trail with its head (JSONL) and records the export in the chain. */
  exportTrail(out: string): TrailExport;
}

export function createReviewService(
  ctx: ServiceContext,
  team?: Pick<TeamService, 'enqueueDecision'>,
): ReviewService {
  return {
    decide(input) {
      if (!isReasonFor(input.decision, input.reasonCode)) {
        const allowed = DECISION_REASONS[input.decision].map((r) => r.label).join('; ');
        throw invalidInput({ reasonCode: [`Choose a reason that fits this decision: ${allowed}.`] });
      }
      const ws = ctx.runtime.workspace();
      const detail = casesRepo.get(ctx.db, ws.id, input.caseId);
      if (!detail) throw caseNotFound();
      const decidedAt = ctx.now();
      // Recomputed here from the cache, never taken from the caller: what the renderer showed may be stale.
      const flags = computeRiskFlags(detail, { decisionDate: calendarDate(decidedAt) });
      const overriddenFlags = input.decision === 'accept' ? acceptGuard(flags, input) : [];
      // decisionsRepo.record writes the decision, the case's latest decision and the audit row in one
      // transaction; a joined workspace's team outbox entry joins it, so neither exists without the other.
      const record = writeTx(ctx.db, () => {
        const recorded = decisionsRepo.record(ctx.db, ws.id, {
          caseId: input.caseId,
          decision: input.decision,
          reasonCode: input.reasonCode,
          note: input.note.trim() === '' ? null : input.note,
          officerName: ws.officerName,
          osUser: ctx.osUser,
          decidedAt,
          riskFlags: flags,
          overriddenFlags,
        });
        team?.enqueueDecision(ws.id, recorded);
        return recorded;
      });
      ctx.events.emit('cases:changed', { ids: [input.caseId] });
      return record;
    },
    decisions(caseId) {
      const ws = ctx.runtime.workspace();
      if (!casesRepo.get(ctx.db, ws.id, caseId)) throw caseNotFound();
      return decisionsRepo.listForCase(ctx.db, ws.id, caseId);
    },
  };
}

export function createAuditService(ctx: ServiceContext): AuditService {
  return {
    list({ caseId, limit }) {
      const ws = ctx.runtime.workspace();
      return caseId === undefined
        ? auditRepo.listForWorkspace(ctx.db, ws.id, { limit: limit ?? 200 })
        : auditRepo.listForCase(ctx.db, ws.id, caseId, limit ?? 200);
    },
    async verify() {
      const ws = ctx.runtime.workspace().id;
      await ctx.auditTrail.anchors.flush();
      return verifyTrail(ctx.db, ws, ctx.auditTrail.key, await ctx.auditTrail.readAnchors());
    },
    async verifyAgainst(file) {
      const ws = ctx.runtime.workspace().id;
      await ctx.auditTrail.anchors.flush();
      const base = verifyTrail(ctx.db, ws, ctx.auditTrail.key, await ctx.auditTrail.readAnchors());
      return checkAgainstExport(base, [...auditRepo.iterateChain(ctx.db, ws)], ws, file);
    },
    exportTrail(out) {
      const ws = ctx.runtime.workspace();
      const result = writeTrailExport(ctx.db, ctx.auditTrail, ws, out, ctx.now());
      auditRepo.append(ctx.db, ws.id, {
        action: 'audit.exported',
        at: ctx.now(),
        osUser: ctx.osUser,
        officerName: ws.officerName,
        details: { path: out, headSeq: result.head?.seq ?? null, events: result.events },
      });
      return result;
    },
  };
}
