import { z } from 'zod';
import type { AuditChainCheck, AuditEvent } from '../domain/audit';
import type { CaseListPage } from '../domain/case';
import type { CounterChanged, CounterOpened, CounterView } from '../domain/counter';
import { COUNTER_INSTRUCTIONS_MAX } from '../domain/counter';
import type { DecisionRecord } from '../domain/decision';
import { CASE_QUEUES, type CaseQueue, type QueueCounts } from '../domain/queues';
import type {
  CaseView,
  ConnectionResult,
  ImageData,
  ImportReport,
  LockStatus,
  RetentionReport,
  RetentionView,
  QrData,
  Settings,
  SetupOption,
  StorageInfo,
  CacheRescueProblem,
  CacheStatus,
  SyncStatus,
  WorkspaceList,
  WorkspaceView,
} from '../domain/views';
import type { ExportOutcome, RescueOutcome } from '../domain/views';
import { newCaseSchema } from '../validation/registration';
import type { EventChannel, RequestChannel } from './channels';
import {
  TEAM_QUEUES,
  type TeamCaseView,
  type TeamCrossCheck,
  type TeamQueueRow,
  type TeamStatusView,
} from '../domain/team';

export interface AppInfo {
  name: string;
  version: string;
  versions: Record<string, string>;
}

/** What each request channel returns. */
export interface Outputs {
  'app:info': AppInfo;
  'app:storage': StorageInfo;
  'cache:status': CacheStatus;
  'cache:recovery-code': { code: string };
  'cache:backup-now': CacheStatus;
  'settings:get': Settings;
  'settings:set': Settings;
  'workspaces:list': WorkspaceList;
  'workspaces:create-demo': WorkspaceView;
  'workspaces:probe': ConnectionResult;
  'workspaces:add': WorkspaceView;
  'workspaces:update': WorkspaceView;
  'workspaces:remove': void;
  'workspaces:activate': void;
  'workspaces:test': ConnectionResult;
  'workspaces:setups': SetupOption[];
  'cases:create': CaseView;
  'cases:list': CaseListPage;
  'cases:get': CaseView;
  'cases:refresh': CaseView;
  'cases:viewing': void;
  'cases:image': ImageData;
  'link:qr': QrData;
  'link:copied': void;
  'link:qr-shown': void;
  'link:open': void;
  'review:decide': DecisionRecord;
  'review:decisions': DecisionRecord[];
  'audit:list': AuditEvent[];
  'audit:verify': AuditChainCheck;
  'sync:status': SyncStatus;
  'sync:set-polling': Settings;
  'sync:now': void;
  'lock:status': LockStatus;
  'lock:set-pin': LockStatus;
  'lock:clear-pin': LockStatus;
  'lock:now': LockStatus;
  'lock:unlock': LockStatus;
  'lock:activity': void;
  'export:case-pdf': ExportOutcome;
  'export:register-csv': ExportOutcome;
  'retention:get': RetentionView;
  'retention:set': RetentionView;
  'retention:run': RetentionReport;
  'cases:redact': CaseView;
  'cases:import': ImportReport;
  'rescue:problem': CacheRescueProblem;
  'rescue:recover': RescueOutcome;
  'rescue:restore-latest': RescueOutcome;
  'rescue:discard': RescueOutcome;
  'rescue:restart': RescueOutcome;
  'counter:open': CounterOpened;
  'counter:view': CounterView;
  'counter:close': void;
  'link:save-qr': ExportOutcome;
  'cases:queue-counts': QueueCounts;
  'team:status': TeamStatusView;
  'team:sync': TeamStatusView;
  'team:join': TeamStatusView;
  'team:case': TeamCaseView | null;
  'team:queue': TeamQueueRow[];
  'team:approve': TeamCaseView;
  'team:send-back': TeamCaseView;
  'team:assign': TeamCaseView;
  'team:release': TeamCaseView;
  'team:cross-check': TeamCrossCheck;
  /** The image the review shows first (file-order.ts), or null when it is not in the cache to show. */
  'cases:first-image': { fileId: string; image: ImageData } | null;
}

/** Where the application menu (main) asks the renderer to go; `search` is the case list with its search field focused. */
export type NavigateTarget = 'new-case' | 'cases' | 'workspaces' | 'settings' | 'search';

/** What main pushes to the renderer. */
export interface Events {
  'cases:changed': { ids: string[] };
  'sync:status': SyncStatus;
  'workspaces:changed': WorkspaceList;
  'settings:changed': Settings;
  /** A menu item or its accelerator (File › New case, View › Cases…) was chosen. */
  'app:navigate': {
    to: NavigateTarget;
    /** With `cases`: open this work queue (a notification was clicked). */
    queue?: CaseQueue;
  };
  /** Locked, unlocked, or the PIN was set or removed. */
  'lock:changed': LockStatus;
  /** A case shown in counter mode moved on, its view's settings changed, or counter mode ended. */
  'counter:changed': CounterChanged;
  /** The counter window's close button was used: the view asks for the officer (Electron only). */
  'counter:exit-requested': { caseId: string };
}

const id = z.string().trim().min(1, 'The id is empty.').max(200, 'The id is too long.');
const caseRef = z.strictObject({ caseId: id });
const none = z.undefined();
const teamNote = z.string().max(4000, 'Use at most 4000 characters.');
/** A PostgreSQL role as `team officer add` creates them. */
const teamRole = z.string().regex(/^[a-z_][a-z0-9_]{0,62}$/, 'Give the officer’s database role.');

const isHttps = (value: string): boolean => {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
};
/** An https address, or empty for "none": one message either way, not zod's "invalid input" of a union. */
const optionalUrl = z
  .string()
  .trim()
  .max(500, 'Use an address of at most 500 characters.')
  .refine((value) => value === '' || isHttps(value), 'Enter an https:// address, or leave it empty.')
  .optional();

const overrides = z
  .strictObject({
    authUrl: optionalUrl,
    idvApiUrl: optionalUrl,
    kycApiUrl: optionalUrl,
    customerWebUrl: optionalUrl,
  })
  .optional();

const environment = z.enum(['production', 'sandbox']);
const clientId = z
  .string()
  .trim()
  .min(1, 'Enter the client ID Ondato gave you.')
  .max(200, 'A client ID has at most 200 characters.');
const clientSecret = z
  .string()
  .min(1, 'Enter the client secret.')
  .max(1000, 'A client secret has at most 1000 characters.');
const officerName = z.string().trim().max(100, 'Use at most 100 characters for the officer name.').optional();

export const workspaceDraftSchema = z.strictObject({
  environment,
  clientId,
  clientSecret,
  overrides,
});

export const newWorkspaceSchema = z.strictObject({
  name: z.string().trim().min(1, 'Enter a name for the workspace.').max(80, 'Use at most 80 characters.'),
  environment,
  clientId,
  clientSecret,
  setupId: z.uuid('Choose a setup from the list Ondato returned.'),
  customerBaseUrl: optionalUrl,
  overrides,
  officerName,
});

export const settingsPatchSchema = z.strictObject({
  polling: z.boolean().optional(),
  theme: z.enum(['system', 'light', 'dark']).optional(),
  shortcuts: z.boolean().optional(),
  notifications: z.boolean().optional(),
  autoLockMinutes: z.number().int().min(0).max(1440).optional(),
  backupKeep: z.number().int().min(1).max(30).optional(),
  recoveryPromptDismissed: z.boolean().optional(),
  counterInstructions: z
    .string()
    .max(
      COUNTER_INSTRUCTIONS_MAX,
      `Keep the instructions to ${COUNTER_INSTRUCTIONS_MAX} characters: customers read them at a glance.`,
    )
    .optional(),
});

/** An unlock PIN: 4 to 12 digits. */
export const pinSchema = z.string().regex(/^[0-9]{4,12}$/, 'Use 4 to 12 digits.');
/** What is typed to prove the PIN; any shape mismatch is simply a wrong PIN, so only bound the length. */
const pinAttempt = z.string().min(1, 'Enter your PIN.').max(64);

export const caseListQuerySchema = z.strictObject({
  search: z.string().max(200).optional(),
  idvStatus: z.array(z.string().max(50)).max(20).optional(),
  kycStatus: z.array(z.string().max(50)).max(20).optional(),
  decision: z
    .array(z.enum(['accept', 'reject', 'escalate', 'none']))
    .max(4)
    .optional(),
  queue: z.enum(CASE_QUEUES).optional(),
  createdFrom: z.number().int().min(0).max(8.64e15).optional(),
  createdBefore: z.number().int().min(0).max(8.64e15).optional(),
  sort: z.enum(['created', 'modified', 'attention']),
  dir: z.enum(['asc', 'desc']),
  limit: z.number().int().min(1).max(500),
  cursor: z.string().max(500).nullish(),
  offset: z.number().int().min(0).max(10_000_000).optional(),
});

export const decideSchema = z.strictObject({
  caseId: id,
  decision: z.enum(['accept', 'reject', 'escalate']),
  reasonCode: z.string().trim().min(1, 'Choose a reason.').max(60),
  note: z.string().max(4000, 'The note can be at most 4000 characters.'),
  /** Risk-flag codes the officer ticked as reviewed; an accept must cover every current flag. */
  overriddenFlags: z.array(z.string().min(1).max(100)).max(200).default([]),
});

/** What each request channel accepts; main parses every call with these before a handler runs. */
export const inputs = {
  'app:info': none,
  'app:storage': none,
  'cache:status': none,
  'cache:recovery-code': none,
  'cache:backup-now': none,
  'settings:get': none,
  'settings:set': settingsPatchSchema,
  'workspaces:list': none,
  'workspaces:create-demo': z.strictObject({ officerName }),
  'workspaces:probe': workspaceDraftSchema,
  'workspaces:add': newWorkspaceSchema,
  'workspaces:update': z.strictObject({
    id,
    name: z
      .string()
      .trim()
      .min(1, 'Enter a name for the workspace.')
      .max(80, 'Use at most 80 characters.')
      .optional(),
    setupId: z.uuid('Choose a setup from the list Ondato returned.').optional(),
    customerBaseUrl: optionalUrl,
    officerName,
    overrides,
    clientSecret: clientSecret.optional(),
  }),
  'workspaces:remove': z.strictObject({ id }),
  'workspaces:activate': z.strictObject({ id }),
  'workspaces:test': z.strictObject({ id }),
  'workspaces:setups': none,
  'cases:create': newCaseSchema,
  'cases:list': caseListQuerySchema,
  'cases:get': caseRef,
  'cases:refresh': caseRef,
  'cases:viewing': z.strictObject({ caseId: id.nullable() }),
  'cases:image': z.strictObject({ caseId: id, fileId: id }),
  'link:qr': caseRef,
  'link:copied': caseRef,
  'link:qr-shown': caseRef,
  'link:open': caseRef,
  'review:decide': decideSchema,
  'review:decisions': caseRef,
  'audit:list': z.strictObject({
    caseId: id.optional(),
    limit: z.number().int().min(1).max(1000).optional(),
  }),
  'audit:verify': none,
  'sync:status': none,
  'sync:set-polling': z.strictObject({ enabled: z.boolean() }),
  'sync:now': none,
  'lock:status': none,
  'lock:set-pin': z.strictObject({ pin: pinSchema, currentPin: pinAttempt.optional() }),
  'lock:clear-pin': z.strictObject({ currentPin: pinAttempt }),
  'lock:now': none,
  'lock:unlock': z.strictObject({ pin: pinAttempt }),
  'lock:activity': none,
  'export:case-pdf': caseRef,
  // The register's filters only: no path (main asks where to save), no paging (every matching case).
  'export:register-csv': caseListQuerySchema
    .pick({
      search: true,
      idvStatus: true,
      kycStatus: true,
      decision: true,
      queue: true,
      createdFrom: true,
      createdBefore: true,
    })
    .extend({
      sort: z.enum(['created', 'modified', 'attention']).optional(),
      dir: z.enum(['asc', 'desc']).optional(),
    }),
  'retention:get': none,
  // null = off. Up to 100 years; AML periods are commonly 5 years (1826 days).
  'retention:set': z.strictObject({
    days: z.number().int().min(1, 'Use at least 1 day, or turn the policy off.').max(36_500).nullable(),
  }),
  'retention:run': z.strictObject({ dryRun: z.boolean() }),
  // `confirm` is the officer's answer to the confirmation dialog: redaction cannot be undone.
  'cases:redact': z.strictObject({ caseId: id, confirm: z.literal(true) }),
  'cases:import': z.strictObject({ ids: z.array(id).min(1).max(100) }),
  'rescue:problem': none,
  // Shape and check characters are checked in main (one typed error for a typo); only bound it here.
  'rescue:recover': z.strictObject({ code: z.string().trim().min(1, 'Enter the recovery code.').max(100) }),
  'rescue:restore-latest': none,
  'rescue:discard': none,
  'rescue:restart': none,
  'counter:open': caseRef,
  'counter:view': caseRef,
  // The PIN is checked in main when auto-lock is on; any shape mismatch is simply a wrong PIN.
  'counter:close': z.strictObject({ caseId: id, pin: pinAttempt.optional() }),
  'link:save-qr': caseRef,
  'cases:queue-counts': none,
  'team:status': none,
  'team:sync': none,
  // The password goes to the keychain in main; null: PGPASSWORD, ~/.pgpass or a client certificate.
  'team:join': z.strictObject({
    workspaceId: id,
    url: z.string().trim().min(1, 'Give the team database URL.').max(1000, 'The URL is too long.'),
    password: z.string().max(1000).nullable(),
  }),
  'team:case': caseRef,
  'team:queue': z.strictObject({
    queue: z.enum(TEAM_QUEUES),
    overdueAfterMinutes: z.number().int().min(1).max(525_600).optional(),
    limit: z.number().int().min(1).max(500).optional(),
  }),
  'team:approve': z.strictObject({ caseId: id, note: teamNote }),
  'team:send-back': z.strictObject({
    caseId: id,
    note: teamNote.refine((note) => note.trim() !== '', 'Say what should change.'),
  }),
  'team:assign': z.strictObject({ caseId: id, to: teamRole.nullable() }),
  'team:release': caseRef,
  'team:cross-check': none,
  'cases:first-image': caseRef,
} satisfies Record<RequestChannel, z.ZodType>;

export type Input<C extends RequestChannel> = z.input<(typeof inputs)[C]>;
export type ParsedInput<C extends RequestChannel> = z.output<(typeof inputs)[C]>;
export type Output<C extends RequestChannel> = Outputs[C];
export type EventPayload<E extends EventChannel> = Events[E];
