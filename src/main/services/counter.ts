import * as auditRepo from '../db/repos/audit';
import * as casesRepo from '../db/repos/cases';
import { AppError } from '../errors';
import { customerUrl } from '../ondato';
import { qrSvg } from '../qr';
import {
  counterPagePath,
  counterProgress,
  type CounterOpened,
  type CounterProgress,
  type CounterView,
} from '../../shared/domain/counter';
import type { CaseDetail } from '../../shared/domain/case';
import type { Settings } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import type { ServiceContext } from './context';
import { caseNotFound } from './errors';
import type { LockService } from './lock';

/*
 * Counter mode (ADR 0018): the customer-facing view of one case. The officer opens it for a case;
 * from then on, and until the officer closes it, `view` answers for that case only, with nothing but
 * the link, its QR code, the branch's instructions and the customer's progress. Opening it and
 * closing it are audit events; closing needs the PIN when auto-lock is on.
 */

export interface CounterService {
  open(caseId: string): CounterOpened;
  view(caseId: string): Promise<CounterView>;
  close(caseId: string, pin?: string): Promise<void>;
}

export interface CounterDeps {
  lock: Pick<LockService, 'status' | 'confirmPin'>;
  settings(): Settings;
}

export function counterNotOpen(): AppError {
  return new AppError(
    'counter_not_open',
    'Counter mode is not open for this case. Open it from the case on the officer’s screen.',
  );
}

function progressOf(detail: CaseDetail): CounterProgress {
  const document = detail.kyc?.payload['document'];
  return counterProgress({
    idvStatus: detail.idvStatus,
    kycStatus: detail.kyc?.status ?? detail.kycStatus,
    kycStatusReason: detail.kyc?.statusReason ?? detail.kycStatusReason,
    documentSubmitted: document !== null && typeof document === 'object',
    files: (detail.kyc?.files ?? []).map((f) => ({ part: f.part, fileType: f.fileType })),
  });
}

export function createCounterService(ctx: ServiceContext, deps: CounterDeps): CounterService {
  /** Case id → the workspace it was opened in (a workspace switch must not show another's case). */
  const shown = new Map<string, string>();

  function exitNeedsPin(): boolean {
    return deps.lock.status().pinSet && deps.settings().autoLockMinutes > 0;
  }

  function caseOf(ws: Workspace, caseId: string): CaseDetail {
    const detail = casesRepo.get(ctx.db, ws.id, caseId);
    if (!detail) throw caseNotFound();
    return detail;
  }

  function audit(ws: Workspace, caseId: string, action: string, details: Record<string, string>): void {
    auditRepo.append(ctx.db, ws.id, {
      caseId,
      action,
      at: ctx.now(),
      osUser: ctx.osUser,
      officerName: ws.officerName,
      details,
    });
  }

  function announce(caseId: string, active: boolean): void {
    let ws: Workspace;
    try {
      ws = ctx.runtime.workspace();
    } catch {
      return;
    }
    const detail = casesRepo.get(ctx.db, ws.id, caseId);
    if (!detail) return;
    ctx.events.emit('counter:changed', { caseId, stage: progressOf(detail).stage, active });
  }

  const isShown = (ws: Workspace, caseId: string): boolean => shown.get(caseId) === ws.id;

  // Progress comes from sync: every change of a case on the counter screen is pushed to it.
  ctx.events.on('cases:changed', ({ ids }) => {
    for (const id of ids) if (shown.has(id)) announce(id, true);
  });
  // New instructions, theme or auto-lock show at once on an open counter view.
  ctx.events.on('settings:changed', () => {
    for (const id of shown.keys()) announce(id, true);
  });
  // Another workspace became active (or this one was removed): its cases leave the counter screen.
  ctx.events.on('workspaces:changed', ({ workspaces, activeId }) => {
    for (const [caseId, wsId] of [...shown]) {
      if (wsId === activeId) continue;
      shown.delete(caseId);
      ctx.counterScreens?.close(caseId);
      const ws = workspaces.find((w) => w.id === wsId);
      if (ws) audit(ws, caseId, 'counter.closed', { confirmedWith: 'workspace-switch' });
      ctx.events.emit('counter:changed', { caseId, stage: 'unknown', active: false });
    }
  });

  return {
    open(caseId) {
      const ws = ctx.runtime.workspace();
      caseOf(ws, caseId);
      shown.set(caseId, ws.id);
      // Notify the officer when this customer finishes, whatever screen the officer is on.
      ctx.watch(caseId);
      const inWindow = ctx.counterScreens?.show(caseId) ?? false;
      audit(ws, caseId, 'counter.shown', { shownIn: inWindow ? 'window' : 'page' });
      return { caseId, shownIn: inWindow ? 'window' : 'page', path: counterPagePath(caseId) };
    },

    async view(caseId) {
      const ws = ctx.runtime.workspace();
      const detail = caseOf(ws, caseId);
      if (!isShown(ws, caseId)) throw counterNotOpen();
      const url = customerUrl(caseId, ctx.runtime.endpoints(ws).customerWebUrl);
      const settings = deps.settings();
      // Built field by field: nothing of the case beyond these can reach the customer's screen.
      return {
        caseId,
        url,
        qrSvg: await qrSvg(url),
        instructions: settings.counterInstructions,
        progress: progressOf(detail),
        theme: settings.theme,
        exitNeedsPin: exitNeedsPin(),
        checkedAt: detail.syncedAt,
      };
    },

    async close(caseId, pin) {
      const ws = ctx.runtime.workspace();
      caseOf(ws, caseId);
      if (!isShown(ws, caseId)) return;
      const needsPin = exitNeedsPin();
      if (needsPin) {
        if (pin === undefined) {
          throw new AppError('pin_required', 'Enter the officer’s PIN to leave counter mode.', {
            fields: { pin: ['Enter the officer’s PIN.'] },
          });
        }
        await deps.lock.confirmPin(pin);
      }
      shown.delete(caseId);
      ctx.counterScreens?.close(caseId);
      audit(ws, caseId, 'counter.closed', { confirmedWith: needsPin ? 'pin' : 'confirmation' });
      announce(caseId, false);
    },
  };
}
