import { createCacheCareService, type CacheCareService } from './cache-care';
import { createCaseService, type CaseService } from './cases';
import { createCounterService, type CounterService } from './counter';
import type { ServiceContext } from './context';
import { createExportService, type ExportService } from './exports';
import { evidenceRiskFlags } from '../records/evidence-risk-flags';
import { createImportService, type ImportService } from './import';
import { createLinkService, type LinkService } from './links';
import { createLockService, type LockService } from './lock';
import { createRedactionService, type RedactionService } from './redaction';
import { createRetentionService, type RetentionService } from './retention';
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
import { createTeamService, type TeamEnvironment, type TeamService } from './team';
import type { Timers } from '../sync/options';

export type { ServiceContext, Shell, Notifier, SaveDialog } from './context';
export type { CounterScreens } from './context';

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
  retention: RetentionService;
  redaction: RedactionService;
  imports: ImportService;
  counter: CounterService;
  team: TeamService;
}

const nodeTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle),
};

export function createServices(
  ctx: ServiceContext,
  app: AppInfoSource,
  teamEnvironment: TeamEnvironment = { env: {} },
): Services {
  const settings = createSettingsService(ctx);
  const lock = createLockService({
    db: ctx.db,
    now: ctx.now,
    events: ctx.events,
    autoLockMinutes: () => readSettings(ctx).autoLockMinutes,
  });
  const team = createTeamService(ctx, teamEnvironment);
  return {
    app,
    workspaces: createWorkspaceService(ctx),
    cases: createCaseService(ctx),
    links: createLinkService(ctx),
    review: createReviewService(ctx, team),
    audit: createAuditService(ctx),
    settings,
    storage: createStorageService(ctx),
    cacheCare: createCacheCareService(ctx),
    sync: createSyncService(ctx, settings),
    lock,
    exports: createExportService(ctx, { app, riskFlags: evidenceRiskFlags }),
    retention: createRetentionService(ctx),
    redaction: createRedactionService(ctx),
    imports: createImportService(ctx, {
      ratePerSecond: ctx.ratePerSecond ?? 5,
      timers: ctx.timers ?? nodeTimers,
    }),
    counter: createCounterService(ctx, { lock, settings: () => readSettings(ctx) }),
    team,
  };
}
