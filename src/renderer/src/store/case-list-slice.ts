import type {
  CaseListPage,
  CaseListQuery,
  CaseSort,
  CaseSummary,
  SortDirection,
} from '../../../shared/domain/case';
import type { Decision } from '../../../shared/domain/decision';
import type { CaseQueue, QueueCounts } from '../../../shared/domain/queues';
import { call } from '../api';
import { toActionError } from './action-result';
import type { AppState, SliceCreator } from './types';

export const CASE_PAGE_SIZE = 200;

export interface CaseFilters {
  search: string;
  idvStatus: string | null;
  /** `none`: no KYC identification yet. */
  kycStatus: string | null;
  decision: Decision | 'none' | null;
  queue: CaseQueue;
  /** Created on or after this day of the officer's calendar (YYYY-MM-DD), '' for no bound. */
  createdFrom: string;
  /** Created on or before this day (inclusive), '' for no bound. */
  createdTo: string;
  sort: CaseSort;
  dir: SortDirection;
}

export const DEFAULT_CASE_FILTERS: CaseFilters = {
  search: '',
  idvStatus: null,
  kycStatus: null,
  decision: null,
  queue: 'all',
  createdFrom: '',
  createdTo: '',
  sort: 'created',
  dir: 'desc',
};

/** Where the list was, so going to a case and back (or to another workspace and back) lands there. */
export interface CaseListPosition {
  scrollTop: number;
  /** The selected row's index, -1 for none. */
  selected: number;
}

export interface CaseListState {
  /** The workspace these rows and filters belong to. */
  workspaceId: string | null;
  filters: CaseFilters;
  /** Rows matching the filters; null until the first page of this query arrives. */
  total: number | null;
  /** Loaded pages by page number (rows `page * CASE_PAGE_SIZE` onwards). */
  pages: Record<number, CaseSummary[]>;
  /** Message of the last failed page load (rows already shown stay). */
  error: string | null;
  /** Bumped on every new query, so answers to an older query are dropped. */
  query: number;
  /** Where the list shows itself when it next mounts (top for a new query). */
  position: CaseListPosition;
}

export interface CaseListSlice {
  caseList: CaseListState;
  /** Cases per work queue in the active workspace; null until main first answers. */
  queueCounts: QueueCounts | null;
  /** Each workspace's list state (filters, queue, sort, search, position), kept in memory only. */
  savedCaseLists: Record<string, { filters: CaseFilters; position: CaseListPosition }>;
  setCaseFilters(patch: Partial<CaseFilters>): void;
  setCaseQueue(queue: CaseQueue): void;
  /** A column header was chosen: sort by it, or turn the direction round when it already sorts. */
  sortCasesBy(sort: CaseSort): void;
  /**
   * The list is leaving the screen: keep where it was for the workspace it showed — unless the
   * filters it showed (`shown`, by identity) are no longer that workspace's, e.g. a search typed
   * while it was on screen: a position in the old results means nothing in the new ones.
   */
  rememberCasePosition(workspaceId: string | null, position: CaseListPosition, shown?: CaseFilters): void;
  /** Makes sure rows `start..end` (inclusive) are loaded or loading. */
  loadCaseRange(start: number, end: number): Promise<void>;
  /**
   * At start-up, asks for the first page of the list the app opens on (the active workspace's, unfiltered)
   * at once, alongside the shell's own requests, so it does not wait for them and the first render;
   * the list's first load then takes this answer. `false` forgets it (the app turned out locked).
   */
  prefetchFirstCasePage(wanted: boolean): void;
  /**
   * Start-up, the list's filters now set: puts the prefetched first page in the list when it is for
   * them and arrives within `waitMs`, so the first screen renders with its rows (no skeleton frame
   * first). Later or not at all: the list's own first load takes it or asks again.
   */
  settleFirstCasePage(waitMs: number): Promise<void>;
  loadQueueCounts(): Promise<void>;
  /** Re-queries what is on screen (after `cases:changed`), keeping the old rows visible meanwhile. */
  refreshCaseList(): Promise<void>;
  retryCaseList(): Promise<void>;
  /** The active workspace changed (or the list must start again): its own saved state comes back. */
  resetCaseList(): void;
}

const TOP: CaseListPosition = { scrollTop: 0, selected: -1 };

/** What sorting by a column starts with: the most urgent, the newest. */
const FIRST_DIRECTION: Record<CaseSort, SortDirection> = {
  attention: 'desc',
  created: 'desc',
  modified: 'desc',
};

export function hasActiveFilters(filters: CaseFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.idvStatus !== null ||
    filters.kycStatus !== null ||
    filters.decision !== null ||
    filters.createdFrom !== '' ||
    filters.createdTo !== ''
  );
}

/** The filters with the search, the selects and the date range cleared; queue and sort stay. */
export function clearedFilters(filters: CaseFilters): CaseFilters {
  return { ...DEFAULT_CASE_FILTERS, queue: filters.queue, sort: filters.sort, dir: filters.dir };
}

export function caseAt(list: CaseListState, index: number): CaseSummary | undefined {
  return list.pages[Math.floor(index / CASE_PAGE_SIZE)]?.[index % CASE_PAGE_SIZE];
}

/** Midnight starting a YYYY-MM-DD day on this machine's calendar, `days` later; null if not a date. */
function localDayStart(text: string, days = 0): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const at = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + days).getTime();
  return Number.isFinite(at) ? at : null;
}

/** The created-date range as instants: from the start of `createdFrom` to the end of `createdTo`. */
export function createdRange(filters: CaseFilters): { createdFrom?: number; createdBefore?: number } {
  const from = localDayStart(filters.createdFrom);
  const before = localDayStart(filters.createdTo, 1);
  return {
    ...(from === null ? {} : { createdFrom: from }),
    ...(before === null ? {} : { createdBefore: before }),
  };
}

/** True when both bounds are set and `to` is before `from` (nothing can match). */
export function isRangeReversed(filters: CaseFilters): boolean {
  return filters.createdFrom !== '' && filters.createdTo !== '' && filters.createdTo < filters.createdFrom;
}

function toQuery(filters: CaseFilters, page: number): CaseListQuery {
  const search = filters.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(filters.idvStatus ? { idvStatus: [filters.idvStatus] } : {}),
    ...(filters.kycStatus ? { kycStatus: [filters.kycStatus] } : {}),
    ...(filters.decision ? { decision: [filters.decision] } : {}),
    ...(filters.queue === 'all' ? {} : { queue: filters.queue }),
    ...createdRange(filters),
    sort: filters.sort,
    dir: filters.dir,
    limit: CASE_PAGE_SIZE,
    offset: page * CASE_PAGE_SIZE,
  };
}

const emptyList = (
  workspaceId: string | null,
  filters: CaseFilters,
  query: number,
  position: CaseListPosition = TOP,
): CaseListState => ({ workspaceId, filters, total: null, pages: {}, error: null, query, position });

const orderedIds = new WeakMap<CaseListState, string[]>();

/**
 * The ids of the cases the list currently shows, in list order (the loaded rows of the current queue,
 * filters and sort; rows not loaded yet are skipped). Stable per list state, so it is safe as a
 * zustand selector. Previous/next case on the review screen walks this.
 */
export function selectOrderedCaseIds(state: Pick<AppState, 'caseList'>): string[] {
  const list = state.caseList;
  const known = orderedIds.get(list);
  if (known) return known;
  const ids: string[] = [];
  const pages = Object.keys(list.pages)
    .map(Number)
    .sort((a, b) => a - b);
  for (const page of pages) for (const row of list.pages[page] ?? []) ids.push(row.id);
  orderedIds.set(list, ids);
  return ids;
}

export const createCaseListSlice: SliceCreator<CaseListSlice> = (set, get) => {
  // Pages fetched (or being fetched) for the current query; a refresh empties it, not `pages`.
  let fresh = new Set<number>();
  let lastRange: [number, number] = [0, CASE_PAGE_SIZE - 1];
  let countsAsked = 0;
  // The start-up request for the first page (prefetchFirstCasePage), until the list's first load takes it.
  let early: { key: string; answer: Promise<CaseListPage> } | null = null;

  /** The start-up answer when it is for exactly this request and arrived well; else a new request. */
  const list = (request: CaseListQuery): Promise<CaseListPage> => {
    const taken = early;
    early = null;
    if (!taken || taken.key !== JSON.stringify(request)) return call('cases:list', request);
    return taken.answer.catch(() => call('cases:list', request));
  };

  const fetchPage = async (page: number): Promise<void> => {
    const { filters, query } = get().caseList;
    fresh.add(page);
    try {
      const result = await list(toQuery(filters, page));
      if (get().caseList.query !== query) return;
      set((state) => ({
        caseList: {
          ...state.caseList,
          total: result.total,
          pages: { ...state.caseList.pages, [page]: result.rows },
          error: null,
        },
      }));
    } catch (error) {
      if (get().caseList.query !== query) return;
      fresh.delete(page);
      set((state) => ({ caseList: { ...state.caseList, error: toActionError(error).message } }));
    }
  };

  const restart = (workspaceId: string | null, filters: CaseFilters, position: CaseListPosition): void => {
    fresh = new Set();
    lastRange = [0, CASE_PAGE_SIZE - 1];
    set((state) => ({
      caseList: emptyList(workspaceId, filters, state.caseList.query + 1, position),
      ...(workspaceId === null
        ? {}
        : {
            savedCaseLists: {
              ...state.savedCaseLists,
              [workspaceId]: { filters, position },
            },
          }),
    }));
  };

  return {
    caseList: emptyList(null, DEFAULT_CASE_FILTERS, 0),
    queueCounts: null,
    savedCaseLists: {},

    setCaseFilters(patch) {
      early = null;
      const { caseList } = get();
      restart(caseList.workspaceId ?? get().activeWorkspaceId, { ...caseList.filters, ...patch }, TOP);
      void get().loadCaseRange(0, CASE_PAGE_SIZE - 1);
    },

    setCaseQueue(queue) {
      if (get().caseList.filters.queue !== queue) get().setCaseFilters({ queue });
    },

    sortCasesBy(sort) {
      const { filters } = get().caseList;
      const dir = filters.sort === sort ? (filters.dir === 'asc' ? 'desc' : 'asc') : FIRST_DIRECTION[sort];
      get().setCaseFilters({ sort, dir });
    },

    rememberCasePosition(workspaceId, position, shown) {
      if (workspaceId === null) return;
      set((state) => {
        const saved = state.savedCaseLists[workspaceId];
        const filtersNow =
          saved?.filters ?? (state.caseList.workspaceId === workspaceId ? state.caseList.filters : undefined);
        if (shown !== undefined && filtersNow !== undefined && shown !== filtersNow) return {};
        const current = state.caseList.workspaceId === workspaceId;
        return {
          savedCaseLists: {
            ...state.savedCaseLists,
            [workspaceId]: { filters: saved?.filters ?? state.caseList.filters, position },
          },
          ...(current ? { caseList: { ...state.caseList, position } } : {}),
        };
      });
    },

    async loadCaseRange(start, end) {
      lastRange = [start, end];
      const { total } = get().caseList;
      const lastRow = total === null ? end : Math.min(end, total - 1);
      const first = Math.floor(Math.max(0, start) / CASE_PAGE_SIZE);
      const last = Math.max(first, Math.floor(Math.max(0, lastRow) / CASE_PAGE_SIZE));
      const wanted: number[] = [];
      for (let page = first; page <= last; page += 1) if (!fresh.has(page)) wanted.push(page);
      await Promise.all(wanted.map(fetchPage));
    },

    prefetchFirstCasePage(wanted) {
      early = null;
      if (!wanted) return;
      const request = toQuery(DEFAULT_CASE_FILTERS, 0);
      const answer = call('cases:list', request);
      // Refused (locked, no workspace) or failed: the list asks again itself.
      answer.catch(() => undefined);
      early = { key: JSON.stringify(request), answer };
    },

    async settleFirstCasePage(waitMs) {
      const taken = early;
      const { filters, query, total } = get().caseList;
      if (!taken || total !== null || taken.key !== JSON.stringify(toQuery(filters, 0))) return;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const result = await Promise.race([
        taken.answer.catch(() => null),
        new Promise<null>((done) => {
          timer = setTimeout(() => done(null), waitMs);
        }),
      ]);
      clearTimeout(timer);
      if (!result || early !== taken || get().caseList.query !== query) return;
      early = null;
      fresh.add(0);
      set((state) => ({
        caseList: { ...state.caseList, total: result.total, pages: { 0: result.rows }, error: null },
      }));
    },

    async loadQueueCounts() {
      const asked = (countsAsked += 1);
      const workspaceId = get().caseList.workspaceId;
      try {
        const counts = await call('cases:queue-counts', undefined);
        // Only the newest answer for the workspace still shown counts.
        if (asked === countsAsked && get().caseList.workspaceId === workspaceId) set({ queueCounts: counts });
      } catch {
        // The tabs keep their last counts; the list's own error says what went wrong.
      }
    },

    async refreshCaseList() {
      // Cases changed: an answer asked for before that is stale.
      early = null;
      const [start, end] = lastRange;
      const first = Math.floor(start / CASE_PAGE_SIZE);
      const last = Math.floor(end / CASE_PAGE_SIZE);
      fresh = new Set();
      // Pages off screen would show stale rows later: drop them; the visible ones stay until replaced.
      set((state) => {
        const pages: Record<number, CaseSummary[]> = {};
        for (let page = first; page <= last; page += 1) {
          const rows = state.caseList.pages[page];
          if (rows) pages[page] = rows;
        }
        return { caseList: { ...state.caseList, pages, query: state.caseList.query + 1 } };
      });
      await Promise.all([get().loadCaseRange(start, end), get().loadQueueCounts()]);
    },

    async retryCaseList() {
      set((state) => ({ caseList: { ...state.caseList, error: null } }));
      await get().loadCaseRange(...lastRange);
    },

    resetCaseList() {
      const workspaceId = get().activeWorkspaceId;
      const before = get().caseList.workspaceId;
      const saved = workspaceId === null ? undefined : get().savedCaseLists[workspaceId];
      if (workspaceId !== before) set({ queueCounts: null });
      restart(workspaceId, saved?.filters ?? DEFAULT_CASE_FILTERS, saved?.position ?? TOP);
    },
  };
};
