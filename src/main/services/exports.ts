import { createHash, randomUUID } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join } from 'node:path';
import * as auditRepo from '../db/repos/audit';
import * as casesRepo from '../db/repos/cases';
import * as decisionsRepo from '../db/repos/decisions';
import { AppError } from '../errors';
import { registerCsv, type RegisterRow } from '../records/case-register-csv';
import { buildEvidenceModel, type EvidenceChainHead } from '../records/evidence-model';
import { renderEvidencePdf } from '../records/evidence-pdf';
import { pdfFonts } from '../records/fonts';
import type { RiskFlagProvider } from '../records/evidence-risk-flags';
import type { CaseListQuery } from '../../shared/domain/case';
import { DECISION_REASONS } from '../../shared/domain/reasons';
import type { ExportOutcome, RegisterFilters } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import type { ServiceContext } from './context';
import { caseNotFound } from './errors';

/*
 * Evidence packs (one case as PDF) and the case register (CSV). Every export is an audit event naming
 * what was exported, which cases and where it was written. In the desktop app the path always comes
 * from the native save dialog in main (the renderer never names a path); the CLI and tests pass one.
 */

export interface ExportDeps {
  app: { name: string; version: string };
  /** Required: an evidence pack without its risk flags is not evidence. */
  riskFlags: RiskFlagProvider;
  /** The anchor printed in each pack; defaults to the workspace's newest audit row. */
  chainHead?: (ctx: ServiceContext, ws: Workspace) => EvidenceChainHead | null;
}

export interface ExportService {
  casePdf(caseId: string, path: string): Promise<ExportOutcome>;
  registerCsv(filters: RegisterFilters, path: string): ExportOutcome;
  /** The register as text, for the CLI's standard output; audited as written there. */
  registerText(filters: RegisterFilters): string;
  casePdfToChosenFile(caseId: string): Promise<ExportOutcome>;
  registerCsvToChosenFile(filters: RegisterFilters): Promise<ExportOutcome>;
}

const PAGE = 500;
/** Up to this many case ids are listed in the audit event; beyond, their hash (the file lists them). */
const LISTED_IDS = 1000;

export function lastAuditRow(ctx: ServiceContext, ws: Workspace): EvidenceChainHead | null {
  const [last] = auditRepo.listForWorkspace(ctx.db, ws.id, { limit: 1 });
  return last ? { seq: last.seq, mac: last.hash } : null;
}

function assertAbsolute(path: string): void {
  if (!isAbsolute(path))
    throw new AppError('export_path_invalid', 'Choose a full path for the exported file.');
}

export function writeAtomically(path: string, data: Buffer | string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomUUID()}.part`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new AppError(
      'export_write_failed',
      'KYC Desk could not write the file there. Check the folder exists and is writable, or choose another.',
      { cause: error },
    );
  }
}

const sha256 = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

export function createExportService(ctx: ServiceContext, deps: ExportDeps): ExportService {
  const chainHead = deps.chainHead ?? lastAuditRow;

  function audit(
    ws: Workspace,
    action: string,
    caseId: string | null,
    details: Record<string, string | number | string[] | null>,
  ): void {
    auditRepo.append(ctx.db, ws.id, {
      caseId,
      action,
      at: ctx.now(),
      osUser: ctx.osUser,
      officerName: ws.officerName,
      details,
    });
  }

  async function pdfBytes(ws: Workspace, caseId: string): Promise<Buffer> {
    const detail = casesRepo.get(ctx.db, ws.id, caseId);
    if (!detail) throw caseNotFound();
    const decisions = decisionsRepo.listForCase(ctx.db, ws.id, caseId);
    const model = buildEvidenceModel({ db: ctx.db, workspace: ws, now: ctx.now, app: deps.app }, caseId, {
      riskFlags: deps.riskFlags(detail, decisions, ctx.now()),
      chainHead: chainHead(ctx, ws),
    });
    return renderEvidencePdf(model, pdfFonts());
  }

  function register(ws: Workspace, filters: RegisterFilters): { csv: string; ids: string[] } {
    const rows: RegisterRow[] = [];
    let cursor: string | null = null;
    do {
      const query: CaseListQuery = {
        ...filters,
        sort: filters.sort ?? 'created',
        dir: filters.dir ?? 'desc',
        limit: PAGE,
        cursor,
      };
      const page = casesRepo.list(ctx.db, ws.id, query);
      for (const r of page.rows) {
        const d = r.decision === null ? null : decisionsRepo.latest(ctx.db, ws.id, r.id);
        rows.push({
          caseId: r.id,
          externalRef: r.externalRef,
          customerName: r.fullName,
          idvStatus: r.idvStatus,
          kycStatus: r.kycStatus,
          kycStatusReason: r.kycStatusReason,
          decision: d?.decision ?? null,
          decisionReason: d?.reasonCode
            ? (DECISION_REASONS[d.decision].find((x) => x.code === d.reasonCode)?.label ?? d.reasonCode)
            : null,
          officer: d ? (d.officerName ?? d.osUser) : null,
          decidedAt: iso(d?.decidedAt ?? null),
          createdUtc: r.createdUtc,
          modifiedUtc: r.modifiedUtc,
        });
      }
      cursor = page.nextCursor;
    } while (cursor !== null);
    return { csv: registerCsv(rows), ids: rows.map((r) => r.caseId) };
  }

  function auditRegister(
    ws: Workspace,
    filters: RegisterFilters,
    ids: string[],
    where: string,
    csv: string,
  ): void {
    audit(ws, 'export.case_register', null, {
      format: 'csv',
      where,
      cases: ids.length,
      filters: JSON.stringify(filters),
      sha256: sha256(csv),
      ...(ids.length <= LISTED_IDS ? { caseIds: ids } : { caseIdsSha256: sha256(ids.join('\n')) }),
    });
  }

  async function choose(
    title: string,
    defaultName: string,
    extension: string,
    kind: string,
  ): Promise<string | null> {
    if (!ctx.saveDialog)
      throw new AppError('export_unavailable', 'Saving files is not available in this window.');
    return ctx.saveDialog.choose({ title, defaultName, filters: [{ name: kind, extensions: [extension] }] });
  }

  const service: ExportService = {
    async casePdf(caseId, path) {
      assertAbsolute(path);
      const ws = ctx.runtime.workspace();
      const pdf = await pdfBytes(ws, caseId);
      writeAtomically(path, pdf);
      audit(ws, 'export.case_pdf', caseId, {
        format: 'pdf',
        where: path,
        caseIds: [caseId],
        bytes: pdf.length,
        sha256: sha256(pdf),
      });
      return { status: 'written', path, bytes: pdf.length, cases: 1 };
    },
    registerCsv(filters, path) {
      assertAbsolute(path);
      const ws = ctx.runtime.workspace();
      const { csv, ids } = register(ws, filters);
      writeAtomically(path, csv);
      auditRegister(ws, filters, ids, path, csv);
      return { status: 'written', path, bytes: Buffer.byteLength(csv), cases: ids.length };
    },
    registerText(filters) {
      const ws = ctx.runtime.workspace();
      const { csv, ids } = register(ws, filters);
      auditRegister(ws, filters, ids, 'standard output', csv);
      return csv;
    },
    async casePdfToChosenFile(caseId) {
      const ws = ctx.runtime.workspace();
      const detail = casesRepo.get(ctx.db, ws.id, caseId);
      if (!detail) throw caseNotFound();
      const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
      const name = `evidence-${(detail.externalRef ?? caseId).replace(/[^\w.-]+/g, '_')}-${stamp}.pdf`;
      const path = await choose('Save evidence pack', name, 'pdf', 'PDF document');
      return path === null ? { status: 'cancelled' } : service.casePdf(caseId, path);
    },
    async registerCsvToChosenFile(filters) {
      const stamp = new Date(ctx.now()).toISOString().slice(0, 10);
      const path = await choose(
        'Export case register',
        `case-register-${stamp}.csv`,
        'csv',
        'CSV spreadsheet',
      );
      return path === null ? { status: 'cancelled' } : service.registerCsv(filters, path);
    },
  };
  return service;
}
