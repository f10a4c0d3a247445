import type { CaseSort, SortDirection } from '../../../../shared/domain/case';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';

interface Column {
  label: string;
  className: string;
  sort?: CaseSort;
}

const COLUMNS: readonly Column[] = [
  { label: 'Customer', className: 'cell-name' },
  { label: 'Attention', className: 'cell-attention', sort: 'attention' },
  { label: 'IDV', className: '' },
  { label: 'KYC', className: '' },
  { label: 'Decision', className: '' },
  { label: 'Created', className: 'cell-date', sort: 'created' },
  { label: 'Synced', className: 'cell-fresh' },
];

const ARIA_SORT: Record<SortDirection, 'ascending' | 'descending'> = { asc: 'ascending', desc: 'descending' };

/**
 * The column headings. Sortable ones are buttons (Enter/Space, in the Tab order) inside column headers
 * that carry aria-sort; the rows below are a listbox whose options say their own labels, so this is a
 * one-row table of headings for the eye and for screen readers. `interactive: false` draws the
 * headings only (the loading skeleton).
 */
export function CaseListHead({ interactive = true }: { interactive?: boolean }): React.JSX.Element {
  const sort = useStore((s) => s.caseList.filters.sort);
  const dir = useStore((s) => s.caseList.filters.dir);
  const sortBy = useStore((s) => s.sortCasesBy);
  if (!interactive) {
    return (
      <div className="case-head" aria-hidden="true">
        <div className="case-head-row">
          {COLUMNS.map((c) => (
            <span key={c.label} className={`cell ${c.className}`}>
              {c.label}
            </span>
          ))}
        </div>
      </div>
    );
  }
  return (
    <div className="case-head" role="table" aria-label="Case list columns">
      <div className="case-head-row" role="row">
        {COLUMNS.map((c) => {
          const columnSort = c.sort;
          const active = columnSort !== undefined && columnSort === sort;
          return (
            <span
              key={c.label}
              role="columnheader"
              className={`cell ${c.className}`}
              {...(columnSort === undefined ? {} : { 'aria-sort': active ? ARIA_SORT[dir] : 'none' })}
            >
              {columnSort ? (
                <button
                  type="button"
                  className="sort-button"
                  data-active={active || undefined}
                  onClick={() => sortBy(columnSort)}
                >
                  {c.label}
                  <span className="sort-arrow" data-dir={active ? dir : undefined} aria-hidden="true">
                    <Icon name="chevronDown" size={12} />
                  </span>
                  <span className="sr-only">
                    {active
                      ? `, sorted ${dir === 'desc' ? 'descending' : 'ascending'}; press to reverse`
                      : ', press to sort'}
                  </span>
                </button>
              ) : (
                c.label
              )}
            </span>
          );
        })}
      </div>
    </div>
  );
}
