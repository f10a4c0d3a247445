import { readFileSync } from 'node:fs';
import type { AuditChainCheck, AuditEvent, AuditHead, AuditProblem } from '../../shared/domain/audit';
import type { AuditTrail } from './audit-trail';
import { writeFileAtomic } from '../db/atomic-file';
import { compareHead } from '../db/audit-verify';
import { head as chainHead, iterateChain, DESK_CHAIN } from '../db/repos/audit';
import type { Db } from '../db/sql';
import { AppError } from '../errors';

/*
 * The archive format (JSONL): a header line {type:"header", format, version, appVersion, exportedAt,
 * workspace, head, deskHead}, one {type:"event", …} line per entry oldest first, and a last
 * {type:"head", head, events} line repeating the head, so a cut-off file is visible at a glance.
 */
export const EXPORT_FORMAT = 'kyc-desk-audit-trail';

export interface TrailExport {
  path: string;
  head: AuditHead | null;
  events: number;
}

export function renderTrailExport(
  db: Db,
  trail: Pick<AuditTrail, 'appVersion'>,
  ws: { id: string; name: string },
  exportedAt: number,
): { text: string; head: AuditHead | null; events: number } {
  const head = chainHead(db, ws.id);
  const lines = [
    JSON.stringify({
      type: 'header',
      format: EXPORT_FORMAT,
      version: 1,
      appVersion: trail.appVersion,
      exportedAt: new Date(exportedAt).toISOString(),
      workspace: { id: ws.id, name: ws.name },
      head,
      deskHead: chainHead(db, DESK_CHAIN),
    }),
  ];
  let events = 0;
  for (const e of iterateChain(db, ws.id)) {
    lines.push(JSON.stringify({ type: 'event', ...e }));
    events += 1;
  }
  lines.push(JSON.stringify({ type: 'head', workspace: ws.id, head, events }));
  return { text: `${lines.join('\n')}\n`, head, events };
}

/** Writes the export atomically (never half a file); throws `audit_export_failed` on any I/O error. */
export function writeTrailExport(
  db: Db,
  trail: Pick<AuditTrail, 'appVersion'>,
  ws: { id: string; name: string },
  path: string,
  exportedAt: number,
): TrailExport {
  const rendered = renderTrailExport(db, trail, ws, exportedAt);
  try {
    writeFileAtomic(path, rendered.text);
  } catch (error) {
    throw new AppError(
      'audit_export_failed',
      'The audit trail could not be written to the export file: check that the folder exists and is writable.',
      { cause: error },
    );
  }
  return { path, head: rendered.head, events: rendered.events };
}

interface ParsedExport {
  workspaceId: string;
  head: AuditHead | null;
  events: { seq: number; hash: string }[];
}

function exportError(): AppError {
  return new AppError('audit_export_invalid', 'The file is not a complete KYC Desk audit trail export.');
}

export function parseTrailExport(text: string): ParsedExport {
  const lines = text.split('\n').filter((l) => l.trim() !== '');
  let records: Record<string, unknown>[];
  try {
    records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  } catch {
    throw exportError();
  }
  const header = records[0];
  const last = records.at(-1);
  if (header?.type !== 'header' || header.format !== EXPORT_FORMAT || last?.type !== 'head')
    throw exportError();
  const workspace = header.workspace as { id?: unknown } | undefined;
  if (typeof workspace?.id !== 'string') throw exportError();
  const headOf = (v: unknown): AuditHead | null => {
    if (v === null) return null;
    const h = v as { seq?: unknown; mac?: unknown };
    if (!Number.isSafeInteger(h?.seq) || typeof h?.mac !== 'string') throw exportError();
    return { seq: h.seq as number, mac: h.mac };
  };
  const head = headOf(header.head);
  const tail = headOf(last.head);
  if (JSON.stringify(head) !== JSON.stringify(tail)) throw exportError();
  const events = records.slice(1, -1).map((r) => {
    if (r.type !== 'event' || !Number.isSafeInteger(r.seq) || typeof r.hash !== 'string') throw exportError();
    return { seq: r.seq as number, hash: r.hash };
  });
  if (last.events !== events.length) throw exportError();
  return { workspaceId: workspace.id, head, events };
}

/**
 * Checks the current trail against an earlier export: the export's head (and every entry it holds)
 * must still be in the chain with the same MAC. Adds `export_mismatch` / `truncated_tail` problems
 * (anchor `export`) to an ordinary verification.
 */
export function checkAgainstExport(
  base: AuditChainCheck,
  current: readonly AuditEvent[],
  ws: string,
  file: string,
): AuditChainCheck {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('audit_export_unreadable', 'The export file could not be read.', { cause: error });
  }
  const parsed = parseTrailExport(text);
  if (parsed.workspaceId !== ws) {
    throw new AppError('audit_export_other_workspace', 'The export file belongs to another workspace.');
  }
  const problems: AuditProblem[] = [];
  const bySeq = new Map(current.map((e) => [e.seq, e.hash]));
  const missing = parsed.events.find((e) => bySeq.get(e.seq) !== e.hash);
  if (missing)
    problems.push({
      kind: 'export_mismatch',
      severity: 'tamper',
      chain: 'workspace',
      seq: missing.seq,
      anchor: 'export',
    });
  if (parsed.head) {
    problems.push(
      ...compareHead({ events: [...current], head: base.head }, parsed.head, 'workspace', 'export').filter(
        (p) => p.kind !== 'anchor_behind',
      ),
    );
  }
  const all = [...base.problems, ...problems];
  return { ...base, ok: all.every((p) => p.severity !== 'tamper'), problems: all };
}
