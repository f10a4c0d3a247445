import { AppError } from './errors';
import type { Services } from './services';
import { lockedError, OPEN_WHILE_LOCKED, type LockService } from './services/lock';
import { requestChannels, type RequestChannel } from '../shared/ipc/channels';
import type { Output, ParsedInput } from '../shared/ipc/contract';

/** One plain function per channel, built from the services; Electron's ipcMain and the test harness share it. */
export type HandlerMap = { [C in RequestChannel]: (input: ParsedInput<C>) => Promise<Output<C>> };

/**
 * The handler map, one line per channel: inputs are already parsed by dispatch(); the services do the
 * work and throw AppErrors. Plain Node, so Electron, the harness and tests serve the same map.
 * While the app is locked, only the channels in OPEN_WHILE_LOCKED answer (`guardWhileLocked`).
 */
export function createHandlers(s: Services): HandlerMap {
  return guardWhileLocked(
    {
      'app:info': async () => ({ name: s.app.name, version: s.app.version, versions: s.app.versions }),
      'app:storage': async () => s.storage.info(),
      'cache:status': async () => s.cacheCare.status(),
      'cache:recovery-code': () => s.cacheCare.createRecoveryCode(),
      'cache:backup-now': async () => s.cacheCare.backupNow(),
      'settings:get': async () => s.settings.get(),
      'settings:set': async (patch) => s.settings.set(patch),
      'workspaces:list': () => s.workspaces.list(),
      'workspaces:create-demo': (input) => s.workspaces.createDemo(input),
      'workspaces:probe': (draft) => s.workspaces.probe(draft),
      'workspaces:add': (input) => s.workspaces.add(input),
      'workspaces:update': (input) => s.workspaces.update(input),
      'workspaces:remove': ({ id }) => s.workspaces.remove(id),
      'workspaces:activate': ({ id }) => s.workspaces.activate(id),
      'workspaces:test': ({ id }) => s.workspaces.test(id),
      'workspaces:setups': () => s.workspaces.setups(),
      'cases:create': (input) => s.cases.create(input),
      'cases:list': async (query) => s.cases.list(query),
      'cases:get': async ({ caseId }) => s.cases.get(caseId),
      'cases:refresh': ({ caseId }) => s.cases.refresh(caseId),
      'cases:viewing': async ({ caseId }) => s.cases.viewing(caseId),
      'cases:image': async ({ caseId, fileId }) => s.cases.image(caseId, fileId),
      'link:qr': ({ caseId }) => s.links.qr(caseId),
      'link:copied': async ({ caseId }) => s.links.copied(caseId),
      'link:qr-shown': async ({ caseId }) => s.links.qrShown(caseId),
      'link:open': ({ caseId }) => s.links.open(caseId),
      'review:decide': async (input) => s.review.decide(input),
      'review:decisions': async ({ caseId }) => s.review.decisions(caseId),
      'audit:list': async (input) => s.audit.list(input),
      'audit:verify': async () => s.audit.verify(),
      'sync:status': async () => s.sync.status(),
      'sync:set-polling': async ({ enabled }) => s.sync.setPolling(enabled),
      'sync:now': () => s.sync.now(),
      'lock:status': async () => s.lock.status(),
      'lock:set-pin': ({ pin, currentPin }) => s.lock.setPin(pin, currentPin),
      'lock:clear-pin': ({ currentPin }) => s.lock.clearPin(currentPin),
      'lock:now': async () => s.lock.lockNow(),
      'lock:unlock': ({ pin }) => s.lock.unlock(pin),
      'lock:activity': async () => s.lock.activity(),
      'export:case-pdf': ({ caseId }) => s.exports.casePdfToChosenFile(caseId),
      'export:register-csv': (filters) => s.exports.registerCsvToChosenFile(filters),
      'retention:get': async () => s.retention.get(),
      'retention:set': async ({ days }) => s.retention.set(days),
      'retention:run': async ({ dryRun }) => s.retention.run({ dryRun }),
      'cases:redact': async ({ caseId }) => {
        await s.redaction.redact(caseId);
        return s.cases.get(caseId);
      },
      'cases:import': ({ ids }) => s.imports.byIds(ids),
      // The cache opened: the start-up rescue (src/main/app/rescue.ts) has nothing to do here.
      'rescue:problem': notInRescue,
      'rescue:recover': notInRescue,
      'rescue:restore-latest': notInRescue,
      'rescue:discard': notInRescue,
      'rescue:restart': notInRescue,
      'counter:open': async ({ caseId }) => s.counter.open(caseId),
      'counter:view': ({ caseId }) => s.counter.view(caseId),
      'counter:close': ({ caseId, pin }) => s.counter.close(caseId, pin),
      'link:save-qr': ({ caseId }) => s.links.saveQrToChosenFile(caseId),
      'cases:queue-counts': async () => s.cases.queueCounts(),
      'team:status': async () => s.team.status(),
      'team:sync': () => s.team.sync(),
      'team:join': (input) => s.team.join(input),
      'team:case': async ({ caseId }) => s.team.caseView(caseId),
      'team:queue': async (input) => s.team.queue(input),
      'team:approve': ({ caseId, note }) => s.team.approve(caseId, note),
      'team:send-back': ({ caseId, note }) => s.team.sendBack(caseId, note),
      'team:assign': ({ caseId, to }) => s.team.assign(caseId, to),
      'team:release': ({ caseId }) => s.team.release(caseId),
      'team:cross-check': () => s.team.crossCheck(),
      'cases:first-image': async ({ caseId }) => s.cases.firstImage(caseId),
    },
    s.lock,
  );
}

function notInRescue(): Promise<never> {
  return Promise.reject(
    new AppError('rescue_not_needed', 'The local case cache is open; there is nothing to rescue.'),
  );
}

/**
 * Wraps the handler map: while locked (or once the idle time has run out) every channel outside
 * OPEN_WHILE_LOCKED answers `locked` before its handler runs. One place, not a check in each service.
 */
export function guardWhileLocked(handlers: HandlerMap, lock: Pick<LockService, 'check'>): HandlerMap {
  const guarded: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const channel of requestChannels) {
    const inner = handlers[channel] as (input: unknown) => Promise<unknown>;
    guarded[channel] = OPEN_WHILE_LOCKED.has(channel)
      ? inner
      : async (input) => {
          if (lock.check()) throw lockedError();
          return inner(input);
        };
  }
  return guarded as unknown as HandlerMap;
}
