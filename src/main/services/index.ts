import { createCacheCareService, type CacheCareService } from './cache-care';
import { createCaseService, type CaseService } from './cases';
import type { ServiceContext } from './context';
import { createExportService, type ExportService } from './exports';
import { evidenceRiskFlags } from '../records/evidence-risk-flags';
import { createLinkService, type LinkService } from './links';
import { createLockService, type LockService } from './lock';
import { createAuditService, createReviewService, type AuditService, type ReviewService } from './review';
import {
  createSettingsService,
  createStorageService,
  createSyncService,
  readSettings,
  type SettingsService,
  type StorageService,
  type SyncService,
} from './settings';
import { createWorkspaceService, type WorkspaceService } from './workspaces';

export type { ServiceContext, Shell, Notifier, SaveDialog } from './context';

export interface AppInfoSource {
  name: string;
  version: string;
  versions: Record<string, string>;
}

export interface Services {
  app: AppInfoSource;
  workspaces: WorkspaceService;
  cases: CaseService;
  links: LinkService;
  review: ReviewService;
  audit: AuditService;
  settings: SettingsService;
  storage: StorageService;
  sync: SyncService;
  lock: LockService;
  exports: ExportService;
  cacheCare: CacheCareService;
}

export function createServices(ctx: ServiceContext, app: AppInfoSource): Services {
  const settings = createSettingsService(ctx);
  return {
    app,
    workspaces: createWorkspaceService(ctx),
    cases: createCaseService(ctx),
    links: createLinkService(ctx),
    review: createReviewService(ctx),
    audit: createAuditService(ctx),
    settings,
    storage: createStorageService(ctx),
    cacheCare: createCacheCareService(ctx),
    sync: createSyncService(ctx, settings),
    lock: createLockService({
      db: ctx.db,
      now: ctx.now,
      events: ctx.events,
      autoLockMinutes: () => readSettings(ctx).autoLockMinutes,
    }),
    exports: createExportService(ctx, { app, riskFlags: evidenceRiskFlags }),
  };
}
