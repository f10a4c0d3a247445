import type { CaseListQuery, CaseSort, CaseSummary, SortDirection } from '../../../shared/domain/case';
import type { Decision } from '../../../shared/domain/decision';
import { call } from '../api';
import { toActionError } from './action-result';
import type { SliceCreator } from './types';

export const CASE_PAGE_SIZE = 200;

export interface CaseFilters {
  search: string;
  idvStatus: string | null;
  /** `none`: no KYC identification yet. */
  kycStatus: string | null;
  decision: Decision | 'none' | null;
  sort: CaseSort;
  dir: SortDirection;
}

export const DEFAULT_CASE_FILTERS: CaseFilters = {
  search: '',
  idvStatus: null,
  kycStatus: null,
  decision: null,
  sort: 'created',
  dir: 'desc',
};

export interface CaseListState {
  filters: CaseFilters;
  /** Rows matching the filters; null until the first page of this query arrives. */
  total: number | null;
  /** Loaded pages by page number (rows `page * CASE_PAGE_SIZE` onwards). */
  pages: Record<number, CaseSummary[]>;
  /** Message of the last failed page load (rows already shown stay). */
  error: string | null;
  /** Bumped on every new query, so answers to an older query are dropped. */
  query: number;
}

export interface CaseListSlice {
  caseList: CaseListState;
  setCaseFilters(patch: Partial<CaseFilters>): void;
  /** Makes sure rows `start..end` (inclusive) are loaded or loading. */
  loadCaseRange(start: number, end: number): Promise<void>;
  /** Re-queries what is on screen (after `cases:changed`), keeping the old rows visible meanwhile. */
  refreshCaseList(): Promise<void>;
  retryCaseList(): Promise<void>;
  resetCaseList(): void;
}

export function hasActiveFilters(filters: CaseFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.idvStatus !== null ||
    filters.kycStatus !== null ||
    filters.decision !== null
  );
}

export function caseAt(list: CaseListState, index: number): CaseSummary | undefined {
  return list.pages[Math.floor(index / CASE_PAGE_SIZE)]?.[index % CASE_PAGE_SIZE];
}

function toQuery(filters: CaseFilters, page: number): CaseListQuery {
  const search = filters.search.trim();
  return {
    ...(search ? { search } : {}),
    ...(filters.idvStatus ? { idvStatus: [filters.idvStatus] } : {}),
    ...(filters.kycStatus ? { kycStatus: [filters.kycStatus] } : {}),
    ...(filters.decision ? { decision: [filters.decision] } : {}),
    sort: filters.sort,
    dir: filters.dir,
    limit: CASE_PAGE_SIZE,
    offset: page * CASE_PAGE_SIZE,
  };
}

const emptyList = (filters: CaseFilters, query: number): CaseListState => ({
  filters,
  total: null,
  pages: {},
  error: null,
  query,
});

export const createCaseListSlice: SliceCreator<CaseListSlice> = (set, get) => {
  // Pages fetched (or being fetched) for the current query; a refresh empties it, not `pages`.
  let fresh = new Set<number>();
  let lastRange: [number, number] = [0, CASE_PAGE_SIZE - 1];

  const fetchPage = async (page: number): Promise<void> => {
    const { filters, query } = get().caseList;
    fresh.add(page);
    try {
      const result = await call('cases:list', toQuery(filters, page));
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

  const restart = (filters: CaseFilters): void => {
    fresh = new Set();
    lastRange = [0, CASE_PAGE_SIZE - 1];
    set((state) => ({ caseList: emptyList(filters, state.caseList.query + 1) }));
  };

  return {
    caseList: emptyList(DEFAULT_CASE_FILTERS, 0),

    setCaseFilters(patch) {
      restart({ ...get().caseList.filters, ...patch });
      void get().loadCaseRange(0, CASE_PAGE_SIZE - 1);
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

    async refreshCaseList() {
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
      await get().loadCaseRange(start, end);
    },

    async retryCaseList() {
      set((state) => ({ caseList: { ...state.caseList, error: null } }));
      await get().loadCaseRange(...lastRange);
    },

    resetCaseList() {
      restart(get().caseList.filters);
    },
  };
};
