import * as auditRepo from '../db/repos/audit';
import * as casesRepo from '../db/repos/cases';
import { AppError } from '../errors';
import { customerUrl, isCustomerUrl, isLoopbackHost } from '../ondato';
import { qrPng, qrSvg } from '../qr';
import type { QrData } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import type { ServiceContext } from './context';
import { caseNotFound } from './errors';

export interface LinkService {
  qr(caseId: string): Promise<QrData>;
  copied(caseId: string): void;
  qrShown(caseId: string): void;
  open(caseId: string): Promise<void>;
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

  function audit(ws: Workspace, caseId: string, action: string): void {
    auditRepo.append(ctx.db, ws.id, {
      caseId,
      action,
      at: ctx.now(),
      osUser: ctx.osUser,
      officerName: ws.officerName,
    });
  }

  return {
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
  };
}
