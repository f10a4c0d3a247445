import { useEffect, useState } from 'react';
import { EmptyState, ErrorState } from '../../components/states';
import { formatCount } from '../../components/format';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { RecoveryPrompt } from '../cache/RecoveryPrompt';
import { CASE_PAGE_SIZE, DEFAULT_CASE_FILTERS, hasActiveFilters } from '../../store/case-list-slice';
import { AddExistingCaseDialog } from './AddExistingCaseDialog';
import { CaseListHead } from './CaseRow';
import { CaseListToolbar } from './CaseListToolbar';
import { RegisterExport } from './RegisterExport';
import { VirtualCaseList } from './VirtualCaseList';

function CaseListSkeleton(): React.JSX.Element {
  return (
    <div className="case-list" aria-busy="true">
      <CaseListHead />
      <div className="case-scroller case-scroller-static" role="status" aria-label="Loading cases">
        {Array.from({ length: 8 }, (_, i) => (
          <div key={i} className="case-row case-row-loading case-row-static">
            <span className="skeleton-line" />
          </div>
        ))}
      </div>
    </div>
  );
}

export function CasesScreen(): React.JSX.Element {
  const list = useStore((s) => s.caseList);
  const navigate = useStore((s) => s.navigate);
  const retry = useStore((s) => s.retryCaseList);
  const setFilters = useStore((s) => s.setCaseFilters);
  const loadRange = useStore((s) => s.loadCaseRange);
  const [adding, setAdding] = useState(false);
  const filtered = hasActiveFilters(list.filters);
  const { total, query } = list;
  const waiting = total === null;

  // The first page of a query; once rows exist the windowed list asks for what it shows.
  useEffect(() => {
    if (waiting) void loadRange(0, CASE_PAGE_SIZE - 1);
  }, [waiting, query, loadRange]);

  let body: React.ReactNode;
  if (total === null && list.error) {
    body = (
      <ErrorState title="The cases could not be loaded" message={list.error} onRetry={() => void retry()} />
    );
  } else if (total === null) {
    body = <CaseListSkeleton />;
  } else if (total === 0 && filtered) {
    body = (
      <EmptyState title="No matches">
        <p className="state-text">No case matches this search and these filters.</p>
        <button
          type="button"
          className="btn"
          onClick={() =>
            setFilters({ ...DEFAULT_CASE_FILTERS, sort: list.filters.sort, dir: list.filters.dir })
          }
        >
          Clear filters
        </button>
      </EmptyState>
    );
  } else if (total === 0) {
    body = (
      <EmptyState title="No cases yet — create one">
        <p className="state-text">Create a case, then hand the customer the link or the QR code.</p>
        <button type="button" className="btn btn-primary" onClick={() => navigate({ name: 'new-case' })}>
          <Icon name="plus" />
          New case
        </button>
      </EmptyState>
    );
  } else {
    body = <VirtualCaseList onOpen={(caseId) => navigate({ name: 'case', caseId })} />;
  }

  return (
    <div className="page page-fill">
      <div className="page-head">
        <h1 className="page-title" tabIndex={-1}>
          Cases
        </h1>
        <p className="page-count" role="status">
          {total === null
            ? ''
            : formatCount(total, filtered ? 'match' : 'case', filtered ? 'matches' : 'cases')}
        </p>
        <button type="button" className="btn page-head-action" onClick={() => setAdding(true)}>
          Add existing case
        </button>
        <button type="button" className="btn btn-primary" onClick={() => navigate({ name: 'new-case' })}>
          <Icon name="plus" />
          New case
        </button>
      </div>
      {adding ? <AddExistingCaseDialog onClose={() => setAdding(false)} /> : null}
      <RecoveryPrompt />
      <div className="toolbar-row">
        <CaseListToolbar />
        <RegisterExport />
      </div>
      {total !== null && list.error ? (
        <div className="banner banner-error" role="alert">
          <span>Some cases could not be loaded. {list.error}</span>
          <button type="button" className="btn btn-small" onClick={() => void retry()}>
            Retry
          </button>
        </div>
      ) : null}
      {body}
    </div>
  );
}
