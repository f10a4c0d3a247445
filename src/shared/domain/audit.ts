import type { JsonObject } from './json';

/** Known audit actions; the column is open so a newer build's actions still read back. */
export type AuditAction =
  | 'workspace.added'
  | 'workspace.updated'
  | 'case.created'
  | 'case.synced'
  | 'kyc.decided_upstream'
  | 'decision.recorded'
  | 'link.copied'
  | 'link.opened'
  | 'qr.shown'
  | 'qr.saved'
  | 'counter.shown'
  | 'counter.closed'
  | 'audit.reanchored'
  | 'audit.exported'
  | 'tombstone'
  | (string & {});

export interface AuditEvent {
  seq: number;
  workspaceId: string;
  caseId: string | null;
  /** Local clock, ms since epoch. */
  at: number;
  osUser: string;
  officerName: string | null;
  action: AuditAction;
  details: JsonObject;
  prevHash: string;
  /** Format 1: unkeyed SHA-256 (before migration 0004). Format 2: HMAC-SHA-256 under the chain key. */
  hash: string;
  macVersion: 1 | 2;
}

export type NewAuditEvent = Pick<AuditEvent, 'action' | 'at' | 'osUser' | 'officerName'> & {
  caseId?: string | null;
  details?: JsonObject;
};

/** The newest entry of a chain, as anchored outside the database and printed in exports. */
export interface AuditHead {
  seq: number;
  mac: string;
}

/*
 * What `audit verify` can find. `tamper` problems mean records were changed or removed outside KYC
 * Desk; `warning` problems mean the evidence is weaker than it should be (an anchor could not be
 * written or read) but nothing was found changed.
 */
export type AuditProblemKind =
  | 'mac_mismatch'
  | 'link_broken'
  | 'chain_restart'
  | 'legacy_after_keyed'
  | 'unkeyed_tail'
  | 'truncated_tail'
  | 'anchor_mismatch'
  | 'missing_head'
  | 'anchor_behind'
  | 'anchor_unreadable'
  | 'decision_changed'
  | 'decision_deleted'
  | 'decision_unrecorded'
  | 'export_mismatch';

export interface AuditProblem {
  kind: AuditProblemKind;
  severity: 'tamper' | 'warning';
  /** Which chain: the workspace's own, or the desk chain that keeps tombstones. */
  chain: 'workspace' | 'desk';
  seq?: number;
  decisionId?: number;
  /** Where the anchor came from, for anchor problems. */
  anchor?: 'keychain' | 'sidecar' | 'export';
  /** Anchor problems: the seq the anchor names. */
  anchorSeq?: number;
}

export interface AuditChainCheck {
  /** No `tamper` problem. */
  ok: boolean;
  checked: number;
  /** The first row whose hash or link does not match; absent when ok. */
  firstBadSeq?: number;
  decisionsChecked: number;
  head: AuditHead | null;
  problems: AuditProblem[];
}

/** One officer-facing sentence per problem: numbers only, never case data. */
export function describeAuditProblem(p: AuditProblem): string {
  const where = p.chain === 'desk' ? 'desk chain' : 'audit trail';
  const seq = p.seq === undefined ? '' : ` #${p.seq}`;
  const anchor = p.anchor === undefined ? 'anchor' : `${p.anchor} anchor`;
  switch (p.kind) {
    case 'mac_mismatch':
      return `Entry${seq} of the ${where} was changed: its MAC does not match.`;
    case 'link_broken':
      return `Entries before${seq} of the ${where} were removed or reordered.`;
    case 'chain_restart':
      return `The ${where} restarts at entry${seq}: earlier entries were removed.`;
    case 'legacy_after_keyed':
      return `Entry${seq} of the ${where} is in the old unkeyed format after keyed entries: it was forged.`;
    case 'unkeyed_tail':
      return `The ${where} ends in old-format entries that were never re-anchored: they were rewritten.`;
    case 'truncated_tail':
      return `The ${where} was cut short: the ${anchor} names entry #${p.anchorSeq ?? '?'}, which is gone.`;
    case 'anchor_mismatch':
      return `The ${where} was rewritten: entry #${p.anchorSeq ?? '?'} differs from the ${anchor}.`;
    case 'missing_head':
      return `The ${anchor} of the ${where} is missing although the trail has entries.`;
    case 'anchor_behind':
      return `The ${anchor} lags the ${where} by more than one write (the entries after it do verify).`;
    case 'anchor_unreadable':
      return `The ${anchor} could not be read, so the end of the ${where} is not confirmed.`;
    case 'decision_changed':
      return `Decision ${p.decisionId ?? '?'} was changed after it was recorded (entry${seq}).`;
    case 'decision_deleted':
      return `Decision ${p.decisionId ?? '?'} was deleted (recorded in entry${seq}).`;
    case 'decision_unrecorded':
      return `Decision ${p.decisionId ?? '?'} is not in the audit trail: it was added outside KYC Desk.`;
    case 'export_mismatch':
      return `The trail no longer contains entry${seq} as exported earlier: it was cut or rewritten since.`;
  }
}
