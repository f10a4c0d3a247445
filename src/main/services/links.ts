import { createHash } from 'node:crypto';
import { isAbsolute } from 'node:path';
import * as auditRepo from '../db/repos/audit';
import * as casesRepo from '../db/repos/cases';
import { AppError } from '../errors';
import { customerUrl, isCustomerUrl, isLoopbackHost } from '../ondato';
import { qrPng, qrSvg } from '../qr';
import type { ExportOutcome, QrData } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import type { ServiceContext } from './context';
import { caseNotFound } from './errors';
import { writeAtomically } from './exports';

export interface LinkService {
  qr(caseId: string): Promise<QrData>;
  copied(caseId: string): void;
  qrShown(caseId: string): void;
  open(caseId: string): Promise<void>;
  /** "Save QR as PNG": main asks where (native dialog), writes the PNG and records `qr.saved`. */
  saveQrToChosenFile(caseId: string): Promise<ExportOutcome>;
  /** The same to a given absolute path (a front door that takes paths, like the exports'). */
  saveQr(caseId: string, path: string): Promise<ExportOutcome>;
}

/** `kyc-<external ref or case id>.png`, from a safe alphabet. */
export function qrPngName(ref: string): string {
  return `kyc-${ref.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 80)}.png`;
}

/**
 * The shell may only open a customer link: exactly the workspace's customer origin, over https — or,
 * for the demo, the loopback simulator (which has no TLS). Anything else is refused, whatever built it.
 */
export function assertOpenable(url: string, customerBase: string, demo: boolean): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refused();
  }
  const secure =
    parsed.protocol === 'https:' || (demo && parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname));
  if (!secure || !isCustomerUrl(url, customerBase)) throw refused();
}

function refused(): AppError {
  return new AppError('link_refused', 'KYC Desk only opens customer links on the workspace’s Ondato host.');
}

export function createLinkService(ctx: ServiceContext): LinkService {
  function target(caseId: string): { ws: Workspace; url: string; base: string } {
    const ws = ctx.runtime.workspace();
    if (!casesRepo.get(ctx.db, ws.id, caseId)) throw caseNotFound();
    const base = ctx.runtime.endpoints(ws).customerWebUrl;
    return { ws, url: customerUrl(caseId, base), base };
  }

  function audit(
    ws: Workspace,
    caseId: string,
    action: string,
    details?: Record<string, string | number>,
  ): void {
    auditRepo.append(ctx.db, ws.id, {
      caseId,
      action,
      at: ctx.now(),
      osUser: ctx.osUser,
      officerName: ws.officerName,
      ...(details ? { details } : {}),
    });
  }

  const service: LinkService = {
    async qr(caseId) {
      const { url } = target(caseId);
      const [svg, png] = await Promise.all([qrSvg(url), qrPng(url)]);
      return { url, svg, png: new Uint8Array(png.buffer, png.byteOffset, png.byteLength) };
    },
    copied(caseId) {
      const { ws } = target(caseId);
      audit(ws, caseId, 'link.copied');
    },
    qrShown(caseId) {
      const { ws } = target(caseId);
      audit(ws, caseId, 'qr.shown');
    },
    async open(caseId) {
      const { ws, url, base } = target(caseId);
      assertOpenable(url, base, ws.environment === 'demo');
      audit(ws, caseId, 'link.opened');
      await ctx.shell.openExternal(url);
    },
    async saveQrToChosenFile(caseId) {
      const { ws } = target(caseId);
      if (!ctx.saveDialog)
        throw new AppError('export_unavailable', 'Saving files is not available in this window.');
      const ref = casesRepo.get(ctx.db, ws.id, caseId)?.externalRef ?? null;
      const path = await ctx.saveDialog.choose({
        title: 'Save QR code',
        defaultName: qrPngName(ref || caseId),
        filters: [{ name: 'PNG image', extensions: ['png'] }],
      });
      return path === null ? { status: 'cancelled' } : service.saveQr(caseId, path);
    },
    async saveQr(caseId, path) {
      if (!isAbsolute(path))
        throw new AppError('export_path_invalid', 'Choose a full path for the QR code file.');
      const { ws, url } = target(caseId);
      const png = await qrPng(url);
      writeAtomically(path, png);
      // Where the code went and what it was: a QR code is the customer's way into the case.
      audit(ws, caseId, 'qr.saved', {
        where: path,
        bytes: png.length,
        sha256: createHash('sha256').update(png).digest('hex'),
      });
      return { status: 'written', path, bytes: png.length, cases: 1 };
    },
  };
  return service;
}
