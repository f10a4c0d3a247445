import type { AuditChainCheck, AuditEvent, AuditHead, AuditProblem } from '../../shared/domain/audit';
import type { JsonObject } from '../../shared/domain/json';
import type { AnchorRead } from './audit-anchor';
import { DESK_CHAIN, verifyChain, type ChainVerification } from './repos/audit';
import { decisionDigest, storedRowsForWorkspace } from './repos/decisions';
import type { Db } from './sql';

export interface AnchorSource {
  source: 'keychain' | 'sidecar';
  read: AnchorRead;
}

/**
 * Verifies a workspace's chain and the desk chain: every MAC and link, the decisions table against
 * the `decision.recorded` entries, and each chain's tail against the anchors kept outside the database.
 */
export function verifyTrail(
  db: Db,
  ws: string,
  key: Buffer,
  anchors: readonly AnchorSource[],
): AuditChainCheck {
  const own = verifyChain(db, ws, key);
  const desk = verifyChain(db, DESK_CHAIN, key);
  const last = own.events.at(-1);
  // Opening the cache re-anchors every unkeyed chain, so an unkeyed tail now is a rewrite.
  const unkeyedTail: AuditProblem[] =
    last?.macVersion === 1
      ? [{ kind: 'unkeyed_tail', severity: 'tamper', chain: 'workspace', seq: last.seq }]
      : [];
  const problems: AuditProblem[] = [
    ...own.problems,
    ...unkeyedTail,
    ...checkDecisions(db, ws, own.events),
    ...checkAnchors(own, ws, 'workspace', anchors),
    ...desk.problems,
    ...checkAnchors(desk, DESK_CHAIN, 'desk', anchors),
  ];
  const tampered = problems.filter((p) => p.severity === 'tamper');
  const firstBad = tampered.map((p) => p.seq).find((s) => s !== undefined);
  return {
    ok: tampered.length === 0,
    checked: own.checked + desk.checked,
    ...(firstBad === undefined ? {} : { firstBadSeq: firstBad }),
    decisionsChecked: storedRowsForWorkspace(db, ws).length,
    head: own.head,
    problems,
  };
}

function checkDecisions(db: Db, ws: string, events: readonly AuditEvent[]): AuditProblem[] {
  const problems: AuditProblem[] = [];
  const recorded = new Map<number, { seq: number; digest: string | null }>();
  for (const e of events) {
    if (e.action !== 'decision.recorded') continue;
    const id = e.details.decisionId;
    if (typeof id !== 'number') continue;
    // Entries written before migration 0004 carry no digest: only the row's existence is checked.
    const digest = typeof e.details.rowDigest === 'string' ? e.details.rowDigest : null;
    recorded.set(id, { seq: e.seq, digest });
  }
  const seen = new Set<number>();
  for (const row of storedRowsForWorkspace(db, ws)) {
    const id = row.id;
    if (typeof id !== 'number') continue;
    seen.add(id);
    const entry = recorded.get(id);
    if (!entry) {
      problems.push({ kind: 'decision_unrecorded', severity: 'tamper', chain: 'workspace', decisionId: id });
    } else if (entry.digest !== null && entry.digest !== decisionDigest(row satisfies JsonObject)) {
      problems.push({
        kind: 'decision_changed',
        severity: 'tamper',
        chain: 'workspace',
        decisionId: id,
        seq: entry.seq,
      });
    }
  }
  for (const [id, entry] of recorded) {
    if (!seen.has(id)) {
      problems.push({
        kind: 'decision_deleted',
        severity: 'tamper',
        chain: 'workspace',
        decisionId: id,
        seq: entry.seq,
      });
    }
  }
  return problems;
}

/** How many entries an anchor may lag without a warning: the last commit before a crash. */
const ANCHOR_SLACK = 1;

function checkAnchors(
  v: ChainVerification,
  chainId: string,
  chain: AuditProblem['chain'],
  anchors: readonly AnchorSource[],
): AuditProblem[] {
  const problems: AuditProblem[] = [];
  for (const { source, read } of anchors) {
    if (read === 'unreadable') {
      problems.push({ kind: 'anchor_unreadable', severity: 'warning', chain, anchor: source });
      continue;
    }
    const anchored = read?.[chainId];
    if (!anchored) {
      // Keyed entries exist but no anchor names the chain: the anchor was removed (or never written,
      // which the writer logs). Unkeyed-only chains predate anchors.
      if (v.events.some((e) => e.macVersion === 2)) {
        problems.push({ kind: 'missing_head', severity: 'tamper', chain, anchor: source });
      }
      continue;
    }
    problems.push(...compareHead(v, anchored, chain, source));
  }
  return problems;
}

export function compareHead(
  v: Pick<ChainVerification, 'events' | 'head'>,
  anchored: AuditHead,
  chain: AuditProblem['chain'],
  source: NonNullable<AuditProblem['anchor']>,
): AuditProblem[] {
  const last = v.head?.seq ?? 0;
  const at = v.events.findIndex((e) => e.seq === anchored.seq);
  if (at < 0) {
    const kind = anchored.seq > last ? 'truncated_tail' : 'anchor_mismatch';
    return [{ kind, severity: 'tamper', chain, anchor: source, anchorSeq: anchored.seq }];
  }
  if (v.events[at]!.hash !== anchored.mac) {
    return [{ kind: 'anchor_mismatch', severity: 'tamper', chain, anchor: source, anchorSeq: anchored.seq }];
  }
  const after = v.events.length - 1 - at;
  return after > ANCHOR_SLACK
    ? [{ kind: 'anchor_behind', severity: 'warning', chain, anchor: source, anchorSeq: anchored.seq }]
    : [];
}
