import { useEffect, useRef, useState } from 'react';
import { Icon } from '../../components/Icon';
import { IDV_STATUSES, KYC_STATUSES, idvStatusInfo, kycStatusInfo } from '../../components/status';
import { useStore } from '../../store';
import {
  clearedFilters,
  hasActiveFilters,
  isRangeReversed,
  type CaseFilters,
} from '../../store/case-list-slice';
import { SEARCH_INPUT_ID } from '../shell/shortcuts';

export const SEARCH_DEBOUNCE_MS = 100;

const SORTS = [
  { value: 'attention:desc', label: 'Most attention first' },
  { value: 'attention:asc', label: 'Least attention first' },
  { value: 'created:desc', label: 'Newest first' },
  { value: 'created:asc', label: 'Oldest first' },
  { value: 'modified:desc', label: 'Recently updated' },
  { value: 'modified:asc', label: 'Least recently updated' },
] as const;

function Select({
  id,
  label,
  value,
  options,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  options: { value: string; label: string }[];
  onChange(value: string): void;
}): React.JSX.Element {
  return (
    <div className="toolbar-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <select id={id} className="input" value={value} onChange={(event) => onChange(event.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function CaseListToolbar(): React.JSX.Element {
  const filters = useStore((s) => s.caseList.filters);
  const setFilters = useStore((s) => s.setCaseFilters);
  const [search, setSearch] = useState(filters.search);
  const [storeSearch, setStoreSearch] = useState(filters.search);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  // The search can also be cleared from elsewhere (the "No matches" state): follow it.
  if (filters.search !== storeSearch) {
    setStoreSearch(filters.search);
    if (filters.search !== search) setSearch(filters.search);
  }

  useEffect(() => () => clearTimeout(timer.current), []);

  const onSearch = (value: string): void => {
    setSearch(value);
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setFilters({ search: value }), SEARCH_DEBOUNCE_MS);
  };

  const set = (patch: Partial<CaseFilters>): void => setFilters(patch);
  const clear = (): void => {
    clearTimeout(timer.current);
    setSearch('');
    setFilters(clearedFilters(filters));
  };
  const reversed = isRangeReversed(filters);

  return (
    <div className="toolbar" role="search" aria-label="Find cases">
      <div className="toolbar-field toolbar-search">
        <label htmlFor={SEARCH_INPUT_ID} className="field-label">
          Search
        </label>
        <span className="input-with-icon">
          <Icon name="search" />
          <input
            id={SEARCH_INPUT_ID}
            className="input"
            type="search"
            value={search}
            placeholder="Name, reference, IDV id or personal code"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => onSearch(event.target.value)}
          />
        </span>
      </div>
      <Select
        id="filter-idv"
        label="IDV status"
        value={filters.idvStatus ?? ''}
        options={[
          { value: '', label: 'Any' },
          ...IDV_STATUSES.map((v) => ({ value: v, label: idvStatusInfo(v).label })),
        ]}
        onChange={(v) => set({ idvStatus: v || null })}
      />
      <Select
        id="filter-kyc"
        label="KYC status"
        value={filters.kycStatus ?? ''}
        options={[
          { value: '', label: 'Any' },
          ...KYC_STATUSES.map((v) => ({ value: v, label: kycStatusInfo(v).label })),
          { value: 'none', label: 'Not started' },
        ]}
        onChange={(v) => set({ kycStatus: v || null })}
      />
      <Select
        id="filter-decision"
        label="Decision"
        value={filters.decision ?? ''}
        options={[
          { value: '', label: 'Any' },
          { value: 'none', label: 'Not decided' },
          { value: 'accept', label: 'Accepted' },
          { value: 'reject', label: 'Rejected' },
          { value: 'escalate', label: 'Escalated' },
        ]}
        onChange={(v) =>
          set({ decision: v === 'accept' || v === 'reject' || v === 'escalate' || v === 'none' ? v : null })
        }
      />
      <Select
        id="sort"
        label="Sort"
        value={`${filters.sort}:${filters.dir}`}
        options={[...SORTS]}
        onChange={(v) => {
          const [sort, dir] = v.split(':');
          set({
            sort: sort === 'modified' || sort === 'attention' ? sort : 'created',
            dir: dir === 'asc' ? 'asc' : 'desc',
          });
        }}
      />
      <fieldset className="toolbar-range" aria-describedby={reversed ? 'created-range-error' : undefined}>
        <legend className="field-label">Created</legend>
        <span className="toolbar-range-inputs">
          <label htmlFor="filter-created-from" className="sr-only">
            Created from
          </label>
          <input
            id="filter-created-from"
            className="input"
            type="date"
            value={filters.createdFrom}
            max={filters.createdTo || undefined}
            aria-invalid={reversed || undefined}
            onChange={(event) => set({ createdFrom: event.target.value })}
          />
          <span aria-hidden="true">–</span>
          <label htmlFor="filter-created-to" className="sr-only">
            Created to
          </label>
          <input
            id="filter-created-to"
            className="input"
            type="date"
            value={filters.createdTo}
            min={filters.createdFrom || undefined}
            aria-invalid={reversed || undefined}
            onChange={(event) => set({ createdTo: event.target.value })}
          />
        </span>
        {reversed ? (
          <span id="created-range-error" className="field-error" role="alert">
            The “to” date is before the “from” date.
          </span>
        ) : null}
      </fieldset>
      {hasActiveFilters({ ...filters, search }) ? (
        <button type="button" className="btn btn-ghost toolbar-clear" onClick={clear}>
          Clear filters
        </button>
      ) : null}
    </div>
  );
}
