import type { AuditEvent, AuditHead, AuditProblem, NewAuditEvent } from '../../../shared/domain/audit';
import type { JsonObject } from '../../../shared/domain/json';
import { DESK_CHAIN, GENESIS_HASH, chainOf, entryMac, legacyHash, type ChainFields } from '../audit-chain';
import { canonicalJson, parseJsonObject, stmt, type Db } from '../sql';
import { writeTx } from '../storage';

/*
 * The audit trail is append-only (triggers, migrations 0001 and 0004) and chained: each row's MAC
 * covers its own fields and the previous row's MAC in the same chain, so editing, removing or
 * reordering a row breaks verification from that row on. Chains are per workspace (table `audit`), so
 * purging one workspace leaves every other chain intact, plus one desk chain (table `desk_audit`) for
 * tombstones, which outlive their workspace. New rows are HMAC-SHA-256 under the chain key
 * (mac_version 2); rows written before migration 0004 keep their unkeyed SHA-256 (mac_version 1) and
 * are accepted only before the chain's `audit.reanchored` entry. The tail is anchored outside the
 * database (db/audit-anchor.ts). See docs/adr/0010-keyed-audit-chain.md.
 */
export { GENESIS_HASH, DESK_CHAIN };

interface AuditRow extends ChainFields {
  hash: string;
  mac_version: 1 | 2;
}

type Table = 'audit' | 'desk_audit';
const tableOf = (chainId: string): Table => (chainId === DESK_CHAIN ? 'desk_audit' : 'audit');
/** `audit` rows of one workspace; every `desk_audit` row (the second `?` keeps the arity). */
const chainWhere = (chainId: string): string =>
  chainId === DESK_CHAIN ? '(? IS NOT NULL)' : 'workspace_id = ?';

function toEvent(r: AuditRow): AuditEvent {
  return {
    seq: r.seq,
    workspaceId: r.workspace_id ?? '',
    caseId: r.case_id,
    at: r.at,
    osUser: r.os_user,
    officerName: r.officer_name,
    action: r.action,
    details: parseJsonObject(r.details_json),
    prevHash: r.prev_hash,
    hash: r.hash,
    macVersion: r.mac_version,
  };
}

function appendTo(db: Db, chainId: string, workspaceId: string | null, event: NewAuditEvent): AuditEvent {
  const chain = chainOf(db);
  const table = tableOf(chainId);
  return writeTx(db, (): AuditEvent => {
    const prev = stmt<{ hash: string }>(
      db,
      `SELECT hash FROM ${table} WHERE ${chainWhere(chainId)} ORDER BY seq DESC LIMIT 1`,
    ).get(chainId);
    // One past the highest ever used (AUTOINCREMENT's sqlite_sequence included), so a purged
    // workspace's numbers are never reused. The seq is chosen here because the MAC covers it.
    const seq = stmt<{ next: number }>(
      db,
      `SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = '${table}'), 0),
        coalesce((SELECT max(seq) FROM ${table}), 0)) + 1 AS next`,
    ).get()!.next;
    const fields: ChainFields = {
      seq,
      workspace_id: workspaceId,
      case_id: event.caseId ?? null,
      at: event.at,
      os_user: event.osUser,
      officer_name: event.officerName,
      action: event.action,
      details_json: canonicalJson(event.details ?? {}),
      prev_hash: prev?.hash ?? GENESIS_HASH,
    };
    const row: AuditRow = { ...fields, hash: entryMac(chain.key, chainId, fields), mac_version: 2 };
    stmt(
      db,
      `INSERT INTO ${table} (seq, workspace_id, case_id, at, os_user, officer_name, action, details_json,
        prev_hash, hash, mac_version) VALUES (@seq, @workspace_id, @case_id, @at, @os_user, @officer_name,
        @action, @details_json, @prev_hash, @hash, @mac_version)`,
    ).run(row);
    chain.appended(chainId);
    return toEvent(row);
  });
}

/** Appends one event to the workspace's chain (inside the caller's transaction, if any). */
export function append(db: Db, ws: string, event: NewAuditEvent): AuditEvent {
  return appendTo(db, ws, ws, event);
}

/** Appends to the desk chain; `subject` is the workspace the event is about (it may be gone later). */
export function appendDesk(db: Db, subject: string | null, event: NewAuditEvent): AuditEvent {
  return appendTo(db, DESK_CHAIN, subject, event);
}

/** Newest first. */
export function listForCase(db: Db, ws: string, caseId: string, limit = 200): AuditEvent[] {
  return stmt<AuditRow>(
    db,
    'SELECT * FROM audit WHERE case_id = ? AND workspace_id = ? ORDER BY seq DESC LIMIT ?',
  )
    .all(caseId, ws, limit)
    .map(toEvent);
}

/** Newest first; `beforeSeq` pages back in time. */
export function listForWorkspace(
  db: Db,
  ws: string,
  options: { limit?: number; beforeSeq?: number } = {},
): AuditEvent[] {
  return stmt<AuditRow>(
    db,
    'SELECT * FROM audit WHERE workspace_id = ? AND seq < ? ORDER BY seq DESC LIMIT ?',
  )
    .all(ws, options.beforeSeq ?? Number.MAX_SAFE_INTEGER, options.limit ?? 200)
    .map(toEvent);
}

/** Oldest first, the whole chain (exports, verification). */
export function* iterateChain(db: Db, chainId: string): Generator<AuditEvent> {
  const table = tableOf(chainId);
  for (const r of stmt<AuditRow>(
    db,
    `SELECT * FROM ${table} WHERE ${chainWhere(chainId)} ORDER BY seq`,
  ).iterate(chainId)) {
    yield toEvent(r);
  }
}

export function head(db: Db, chainId: string): AuditHead | null {
  const table = tableOf(chainId);
  const row = stmt<{ seq: number; hash: string }>(
    db,
    `SELECT seq, hash FROM ${table} WHERE ${chainWhere(chainId)} ORDER BY seq DESC LIMIT 1`,
  ).get(chainId);
  return row ? { seq: row.seq, mac: row.hash } : null;
}

/** The MAC of the chain's entry `seq`, or null when the chain has no such entry. */
export function macAt(db: Db, chainId: string, seq: number): string | null {
  const table = tableOf(chainId);
  return (
    stmt<{ hash: string }>(db, `SELECT hash FROM ${table} WHERE ${chainWhere(chainId)} AND seq = ?`).get(
      chainId,
      seq,
    )?.hash ?? null
  );
}

/** True when some row was ever MAC'd with a chain key (then a missing key is an error, not a first run). */
export function hasKeyedRows(db: Db): boolean {
  return (
    stmt(db, 'SELECT 1 FROM audit WHERE mac_version = 2 LIMIT 1').get() !== undefined ||
    stmt(db, 'SELECT 1 FROM desk_audit LIMIT 1').get() !== undefined
  );
}

/** Workspaces whose newest row is still unkeyed (written before migration 0004). */
export function legacyChains(db: Db): { workspaceId: string; head: AuditHead }[] {
  return stmt<{ workspace_id: string; seq: number; hash: string }>(
    db,
    `SELECT a.workspace_id, a.seq, a.hash FROM audit a
      WHERE a.mac_version = 1 AND a.seq = (SELECT max(seq) FROM audit b WHERE b.workspace_id = a.workspace_id)`,
  )
    .all()
    .map((r) => ({ workspaceId: r.workspace_id, head: { seq: r.seq, mac: r.hash } }));
}

export interface ChainVerification {
  /** No problem found in this chain (anchors and decisions are checked by db/audit-verify.ts). */
  ok: boolean;
  checked: number;
  firstBadSeq?: number;
  head: AuditHead | null;
  problems: AuditProblem[];
  /** Entries by seq, for the decision and anchor checks that follow. */
  events: AuditEvent[];
}

/**
 * Recomputes one chain from the start: every MAC (v2) or hash (v1), every link, genesis only at the
 * start, unkeyed rows only before the `audit.reanchored` entry that names the last of them. Reports
 * every broken entry (not only the first), each with its seq and nothing else.
 */
export function verifyChain(db: Db, chainId: string, key: Buffer = chainOf(db).key): ChainVerification {
  const chain = chainId === DESK_CHAIN ? 'desk' : 'workspace';
  const problems: AuditProblem[] = [];
  const events: AuditEvent[] = [];
  let prev: AuditRow | null = null;
  let keyedSeen = false;
  let checked = 0;
  for (const r of stmt<AuditRow>(
    db,
    `SELECT * FROM ${tableOf(chainId)} WHERE ${chainWhere(chainId)} ORDER BY seq`,
  ).iterate(chainId)) {
    const seq = r.seq;
    if (r.mac_version === 2) {
      if (!keyedSeen && prev !== null && !reanchorsLegacy(r, prev)) {
        problems.push({ kind: 'mac_mismatch', severity: 'tamper', chain, seq });
      }
      keyedSeen = true;
      if (entryMac(key, chainId, r) !== r.hash)
        problems.push({ kind: 'mac_mismatch', severity: 'tamper', chain, seq });
    } else if (keyedSeen) {
      problems.push({ kind: 'legacy_after_keyed', severity: 'tamper', chain, seq });
    } else if (legacyHash(r) !== r.hash) {
      problems.push({ kind: 'mac_mismatch', severity: 'tamper', chain, seq });
    }
    if (prev === null ? r.prev_hash !== GENESIS_HASH : r.prev_hash !== prev.hash) {
      const restart = r.prev_hash === GENESIS_HASH || prev === null;
      problems.push({ kind: restart ? 'chain_restart' : 'link_broken', severity: 'tamper', chain, seq });
    }
    events.push(toEvent(r));
    prev = r;
    checked += 1;
  }
  const firstBad = problems[0]?.seq;
  return {
    ok: problems.length === 0,
    checked,
    ...(firstBad === undefined ? {} : { firstBadSeq: firstBad }),
    head: prev ? { seq: prev.seq, mac: prev.hash } : null,
    problems,
    events,
  };
}

/** The first keyed entry after unkeyed ones must be the re-anchor event naming the last unkeyed entry. */
function reanchorsLegacy(r: AuditRow, prev: AuditRow): boolean {
  if (r.action !== 'audit.reanchored') return false;
  const d: JsonObject = parseJsonObject(r.details_json);
  return d.legacyHeadSeq === prev.seq && d.legacyHeadHash === prev.hash;
}
