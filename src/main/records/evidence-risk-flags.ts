import type { CaseDetail } from '../../shared/domain/case';
import { calendarDate } from '../../shared/domain/dates';
import type { DecisionRecord, RecordedRiskFlag } from '../../shared/domain/decision';
import { computeRiskFlags } from '../../shared/domain/risk-flags';
import { utc } from './evidence-format';
import type { EvidenceRiskFlag } from './evidence-model';

/*
 * The risk flags an evidence pack lists and how each was handled, from the same rules the review screen
 * and main's decision guard use (src/shared/domain/risk-flags.ts). A decided case shows the flags as
 * they stood when the officer decided — what the officer saw — plus any raised since; an undecided one
 * shows today's.
 */
export type RiskFlagProvider = (
  detail: CaseDetail,
  decisions: DecisionRecord[],
  now: number,
) => EvidenceRiskFlag[];

function who(d: DecisionRecord): string {
  return d.officerName ?? d.osUser;
}

function handled(flag: RecordedRiskFlag, latest: DecisionRecord | undefined, atDecision: boolean): string {
  if (!latest) return 'Not handled yet: no officer decision.';
  const when = utc(latest.decidedAt);
  if (!atDecision) return `Raised after the last decision (${when}); not reviewed since.`;
  if (latest.decision === 'accept') {
    return latest.overriddenFlags.includes(flag.code)
      ? `Reviewed and overridden by ${who(latest)} on ${when}; note: “${latest.note ?? ''}”`
      : `Accepted by ${who(latest)} on ${when} without an override recorded for this flag.`;
  }
  const verb = latest.decision === 'reject' ? 'rejected' : 'escalated';
  return `Case ${verb} by ${who(latest)} on ${when} (${latest.reasonCode ?? 'no reason'}).`;
}

export const evidenceRiskFlags: RiskFlagProvider = (detail, decisions, now) => {
  const latest = decisions.at(-1);
  const current = computeRiskFlags(detail, { decisionDate: calendarDate(now) });
  // Decisions recorded before flags existed kept none: today's flags stand in for them.
  const recorded: RecordedRiskFlag[] = latest?.riskFlags.length ? latest.riskFlags : current;
  const atDecision = latest !== undefined && latest.riskFlags.length > 0;
  const seen = new Set(recorded.map((f) => f.code));
  const later = atDecision ? current.filter((f) => !seen.has(f.code)) : [];
  return [
    ...recorded.map((f) => ({
      code: f.code,
      label: f.label,
      detail: f.detail,
      handled: handled(f, latest, true),
    })),
    ...later.map((f) => ({
      code: f.code,
      label: f.label,
      detail: f.detail,
      handled: handled(f, latest, false),
    })),
  ];
};
