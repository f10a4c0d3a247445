import { importIdv } from '../db/repos/case-import';
import * as lifecycleRepo from '../db/repos/lifecycle';
import { isAppError } from '../errors';
import { isOndatoError, type OndatoClient } from '../ondato';
import { RateLimiter } from '../sync/rate-limiter';
import type { Timers } from '../sync/options';
import type { ImportLine, ImportReport } from '../../shared/domain/views';
import type { Workspace } from '../../shared/domain/workspace';
import type { ServiceContext } from './context';
import { invalidInput } from './errors';

/** Bounds of an `--since` walk: it stops cleanly (and says so) instead of running without end. */
export interface ImportBounds {
  /** Identifications per filter page; the simulator (and, we assume, Ondato) caps it at 100. */
  pageSize: number;
  maxPages: number;
  maxItems: number;
}

export const DEFAULT_IMPORT_BOUNDS: ImportBounds = { pageSize: 100, maxPages: 50, maxItems: 2_000 };
export const MAX_IMPORT_IDS = 100;

/** Ondato's request budget, shared logic with sync (rate-limiter.ts); injected so tests control time. */
export interface ImportPacing {
  ratePerSecond: number;
  timers: Timers;
}

export interface ImportService {
  byIds(ids: readonly string[]): Promise<ImportReport>;
  since(date: string, bounds?: Partial<ImportBounds>): Promise<ImportReport>;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** `YYYY-MM-DD` → the start of that UTC day, or null when it is not a real date. */
export function sinceToIso(date: string): string | null {
  const m = DATE.exec(date.trim());
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const iso = new Date(ms).toISOString();
  return iso.startsWith(`${m[1]}-${m[2]}-${m[3]}`) ? iso : null;
}

function failureLine(idvId: string, error: unknown): ImportLine {
  if (isOndatoError(error) && error.code === 'not_found') {
    return { idvId, outcome: 'not_found', message: 'Ondato has no verification with this id.' };
  }
  if (isOndatoError(error) && error.code === 'validation') {
    return { idvId, outcome: 'failed', message: 'This is not a valid verification id.' };
  }
  // AppError messages are written for the officer and carry no customer data.
  const message = isAppError(error) ? error.message : 'The verification could not be imported.';
  return { idvId, outcome: 'failed', message };
}

export function createImportService(ctx: ServiceContext, pacing: ImportPacing): ImportService {
  const { db } = ctx;
  const limiter = new RateLimiter(pacing.ratePerSecond, Math.max(1, pacing.ratePerSecond), ctx.now);

  async function take(): Promise<void> {
    for (;;) {
      const slot = limiter.tryTake();
      if (slot.ok) return;
      await new Promise<void>((resolve) => pacing.timers.setTimeout(resolve, slot.waitMs));
    }
  }

  async function paced<T>(call: () => Promise<T>): Promise<T> {
    await take();
    try {
      return await call();
    } catch (error) {
      // A 429 pauses every later request of the walk, as it pauses sync.
      if (isOndatoError(error) && error.retryAfterMs !== undefined) {
        limiter.pauseUntil(ctx.now() + error.retryAfterMs);
      }
      throw error;
    }
  }

  async function importOne(
    client: OndatoClient,
    ws: Workspace,
    idvId: string,
    source: 'id' | 'since',
    setups: ReadonlySet<string> | null,
  ): Promise<ImportLine> {
    try {
      const idv = await paced(() => client.getIdv(idvId));
      if (setups !== null && !setups.has((idv.setup?.id ?? '').toLowerCase())) {
        return {
          idvId,
          outcome: 'other_setup',
          message: 'It belongs to a setup this workspace does not use.',
        };
      }
      const outcome = importIdv(db, ws.id, idv, {
        at: ctx.now(),
        osUser: ctx.osUser,
        officerName: ws.officerName,
        source,
      });
      if (outcome === 'exists') return { idvId, outcome, message: 'Already in this workspace.' };
      ctx.runtime.engine()?.track(idv.id);
      return { idvId, outcome, message: null };
    } catch (error) {
      return failureLine(idvId, error);
    }
  }

  function finish(report: ImportReport): ImportReport {
    const ids = report.lines.filter((l) => l.outcome === 'imported').map((l) => l.idvId);
    if (ids.length > 0) {
      ctx.demo.markDirty();
      ctx.events.emit('cases:changed', { ids });
    }
    return report;
  }

  return {
    async byIds(raw) {
      const ids = [...new Set(raw.map((id) => id.trim()).filter((id) => id !== ''))];
      if (ids.length === 0) throw invalidInput({ ids: ['Enter one or more verification ids.'] });
      if (ids.length > MAX_IMPORT_IDS) {
        throw invalidInput({ ids: [`Import at most ${MAX_IMPORT_IDS} ids at a time.`] });
      }
      const ws = ctx.runtime.workspace();
      const client = ctx.runtime.client();
      const known = lifecycleRepo.known(db, ws.id, ids);
      const lines: ImportLine[] = [];
      for (const idvId of ids) {
        if (known.has(idvId.toLowerCase())) {
          lines.push({ idvId, outcome: 'exists', message: 'Already in this workspace.' });
          continue;
        }
        lines.push(await importOne(client, ws, idvId, 'id', null));
      }
      return finish({ lines, pages: 0, seen: ids.length, truncated: false, stopped: null });
    },

    async since(date, overrides = {}) {
      const from = sinceToIso(date);
      if (from === null) throw invalidInput({ since: ['Use a date in the format YYYY-MM-DD.'] });
      if (Date.parse(from) > ctx.now()) throw invalidInput({ since: ['The date is in the future.'] });
      const bounds = { ...DEFAULT_IMPORT_BOUNDS, ...overrides };
      const ws = ctx.runtime.workspace();
      const client = ctx.runtime.client();
      const setups = lifecycleRepo.workspaceSetups(db, ws.id);
      const lines: ImportLine[] = [];
      const handled = new Set<string>();
      let pages = 0;
      let seen = 0;
      let truncated = false;
      let stopped: string | null = null;
      walk: for (let page = 1; ; page += 1) {
        if (page > bounds.maxPages) {
          truncated = true;
          break;
        }
        let result: Awaited<ReturnType<OndatoClient['filterKyc']>>;
        try {
          result = await paced(() => client.filterKyc({ from, page, limit: bounds.pageSize }));
        } catch (error) {
          // What was imported so far stays imported; the report says where and why the walk stopped.
          stopped = isAppError(error) ? error.message : 'Ondato could not list the identifications.';
          break;
        }
        pages += 1;
        for (const item of result.items) {
          if (seen >= bounds.maxItems) {
            truncated = true;
            break walk;
          }
          seen += 1;
          const idvId = item.identityVerificationId;
          if (typeof idvId !== 'string' || idvId === '' || handled.has(idvId.toLowerCase())) continue;
          handled.add(idvId.toLowerCase());
          if (lifecycleRepo.known(db, ws.id, [idvId]).size > 0) {
            lines.push({ idvId, outcome: 'exists', message: 'Already in this workspace.' });
            continue;
          }
          lines.push(await importOne(client, ws, idvId, 'since', setups));
        }
        // The last page: short, empty, past the reported total, or a server that ignored paging.
        const total = result.totalCount;
        if (
          result.items.length < bounds.pageSize ||
          result.items.length > bounds.pageSize ||
          (total !== undefined && page * bounds.pageSize >= total)
        ) {
          break;
        }
      }
      if (truncated) {
        ctx.logger.warn('import: the walk stopped at its bound', { pages, seen });
      }
      return finish({ lines, pages, seen, truncated, stopped });
    },
  };
}
