import { backupInfo, listBackups } from '../db/backup';
import { recoveryStatus } from '../db/recovery';
import { AppError, isAppError } from '../errors';
import type { HandlerMap } from '../handlers';
import type { AppLogger } from '../logger';
import type { SecretStore } from '../secrets/secret-store';
import {
  appCacheTarget,
  discardCache,
  recoverWithCode,
  restoreLatestBackup,
  type CacheTarget,
} from '../services/cache-recovery';
import { refuseAll, requireConfirmation, type Confirmer } from '../services/confirm';
import { requestChannels, type RequestChannel } from '../../shared/ipc/channels';
import type { CacheRescueProblem, RescueOutcome } from '../../shared/domain/views';

/** The start-up failures the rescue screen has a way out of; anything else still stops the app. */
const RESCUE_CODES = ['cache_key_missing', 'cache_missing', 'cache_damaged'] as const;
export type RescueCode = (typeof RESCUE_CODES)[number];

export function isRescuable(error: unknown): error is AppError & { code: RescueCode } {
  return isAppError(error) && (RESCUE_CODES as readonly string[]).includes(error.code);
}

export interface RescueDeps {
  dataDir: string;
  secrets: SecretStore;
  logger: AppLogger;
  /** Why createCore failed (see isRescuable). */
  problem: AppError & { code: RescueCode };
  /** Discarding asks the officer from main; without a confirmer it is refused (fail closed). */
  confirmer?: Confirmer;
  clock?: { now(): number };
  /** Electron: its own-ABI better-sqlite3 build; Node uses node_modules'. */
  nativeBinding?: string;
}

export interface RescueCore {
  handlers: HandlerMap;
  problem: AppError;
  /** Called once a step succeeded: the host restarts into the normal core (Electron relaunches). */
  onRestart(listener: () => void): () => void;
}

type RescueChannel = Extract<RequestChannel, `rescue:${string}`>;
type RescueHandlers = Pick<HandlerMap, RescueChannel>;

/**
 * The handler map served when the cache cannot be opened at start-up (its key is missing from the
 * keychain, the file is gone or empty, or damage blocks an upgrade): only the rescue channels answer;
 * every other channel answers with the start-up problem itself, so the renderer knows to show the
 * rescue screen. One step runs at a time; after a successful one the app restarts.
 */
export function createRescueCore(deps: RescueDeps): RescueCore {
  const target: CacheTarget = {
    ...appCacheTarget(deps.dataDir, deps.secrets),
    ...(deps.nativeBinding === undefined ? {} : { nativeBinding: deps.nativeBinding }),
  };
  const now = (): number => (deps.clock ? deps.clock.now() : Date.now());
  const listeners = new Set<() => void>();
  let state: 'idle' | 'busy' | 'done' = 'idle';

  async function step(name: string, run: () => Promise<void>): Promise<RescueOutcome> {
    if (state === 'done')
      throw new AppError('rescue_done', 'KYC Desk is restarting; wait for it to open again.');
    if (state === 'busy')
      throw new AppError('rescue_busy', 'Another step is still running; wait for it to finish.');
    state = 'busy';
    try {
      await run();
    } catch (error) {
      state = 'idle';
      throw error;
    }
    state = 'done';
    deps.logger.info('cache rescue step done; restarting', { step: name });
    for (const listener of listeners) listener();
    return { restart: true };
  }

  async function problem(): Promise<CacheRescueProblem> {
    return {
      code: deps.problem.code,
      message: deps.problem.message,
      backups: listBackups(target.dbPath)
        .reverse()
        .map((path) => {
          const info = backupInfo(path);
          return { at: info.at, path: info.path };
        }),
      recoverySet: recoveryStatus(target.dbPath).set,
      keyInKeychain: (await deps.secrets.get(target.keyAccount)) !== null,
    };
  }

  const rescue: RescueHandlers = {
    'rescue:problem': problem,
    'rescue:recover': ({ code }) => step('recover', () => recoverWithCode(target, code)),
    'rescue:restore-latest': () =>
      step('restore-latest', async () => {
        if ((await deps.secrets.get(target.keyAccount)) === null)
          throw new AppError(
            'recovery_needed_first',
            'The backups open only with the cache key: enter the recovery code first, then restore.',
          );
        await restoreLatestBackup(target, now());
      }),
    'rescue:discard': () =>
      step('discard', async () => {
        const backups = listBackups(target.dbPath).length;
        await requireConfirmation(deps.confirmer ?? refuseAll, {
          kind: 'cache-discard',
          title: 'Discard the local case cache?',
          message:
            'KYC Desk deletes the cache, its backups and its keychain entries, and starts empty. Cases, decisions and the audit trail kept only on this computer are lost for good; Ondato keeps its own records.',
          detail: `${target.dbPath}\n${backups} backup(s)`,
          confirmLabel: 'Discard the cache',
        });
        const removed = await discardCache(target);
        deps.logger.warn('cache discarded from the rescue screen', { keychainEntries: removed.length });
      }),
    'rescue:restart': () => step('restart', () => Promise.resolve()),
  };

  const unavailable = (): Promise<never> => Promise.reject(deps.problem);
  const handlers: Record<string, (input: never) => Promise<unknown>> = {};
  for (const channel of requestChannels) handlers[channel] = unavailable;
  Object.assign(handlers, rescue);

  return {
    // Every channel is present (the loop above); the rescue ones are typed by RescueHandlers.
    handlers: handlers as unknown as HandlerMap,
    problem: deps.problem,
    onRestart(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
