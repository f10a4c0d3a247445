import { useEffect, useState } from 'react';
import { EmptyState, ErrorState } from '../../components/states';
import { formatCount } from '../../components/format';
import { Icon } from '../../components/Icon';
import { useStore } from '../../store';
import { RecoveryPrompt } from '../cache/RecoveryPrompt';
import { QUEUE_LABELS } from '../../../../shared/domain/queues';
import { CASE_PAGE_SIZE, clearedFilters, hasActiveFilters } from '../../store/case-list-slice';
import { AddExistingCaseDialog } from './AddExistingCaseDialog';
import { CaseListHead } from './CaseListHead';
import { CaseListToolbar } from './CaseListToolbar';
import { QUEUE_PANEL_ID, QueueTabs, queueTabId } from './QueueTabs';
import { RegisterExport } from './RegisterExport';
import { VirtualCaseList } from './VirtualCaseList';
import { TeamQueueFilter } from '../team/TeamQueueFilter';
import { TeamQueueList } from '../team/TeamQueueList';
import { TEAM_QUEUE_LABELS } from '../team/team-text';

function CaseListSkeleton(): React.JSX.Element {
  return (
    <div className="case-list" aria-busy="true">
      <CaseListHead interactive={false} />
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
  const loadCounts = useStore((s) => s.loadQueueCounts);
  const teamQueue = useStore((s) => s.teamQueue);
  const [adding, setAdding] = useState(false);
  const filtered = hasActiveFilters(list.filters);
  const { total, query } = list;
  const waiting = total === null;

  // The first page of a query; once rows exist the windowed list asks for what it shows.
  useEffect(() => {
    if (waiting) void loadRange(0, CASE_PAGE_SIZE - 1);
  }, [waiting, query, loadRange]);

  // The tab counts when the screen opens and for each workspace; `cases:changed` refreshes them after.
  useEffect(() => {
    void loadCounts();
  }, [list.workspaceId, loadCounts]);

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
        <button type="button" className="btn" onClick={() => setFilters(clearedFilters(list.filters))}>
          Clear filters
        </button>
      </EmptyState>
    );
  } else if (total === 0 && list.filters.queue !== 'all') {
    body = (
      <EmptyState title={`Nothing in “${QUEUE_LABELS[list.filters.queue]}”`}>
        <p className="state-text">No case of this workspace is in this queue right now.</p>
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
        <span className="page-head-action">
          <RegisterExport />
        </span>
        <button type="button" className="btn" onClick={() => setAdding(true)}>
          Add existing case
        </button>
        <button type="button" className="btn btn-primary" onClick={() => navigate({ name: 'new-case' })}>
          <Icon name="plus" />
          New case
        </button>
      </div>
      {adding ? <AddExistingCaseDialog onClose={() => setAdding(false)} /> : null}
      <RecoveryPrompt />
      <QueueTabs />
      <TeamQueueFilter />
      {teamQueue !== null ? (
        <section
          className="queue-panel"
          id={QUEUE_PANEL_ID}
          aria-label={`Team queue: ${TEAM_QUEUE_LABELS[teamQueue]}`}
        >
          <TeamQueueList />
        </section>
      ) : (
        <div
          className="queue-panel"
          id={QUEUE_PANEL_ID}
          role="tabpanel"
          aria-labelledby={queueTabId(list.filters.queue)}
        >
          <CaseListToolbar />
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
      )}
    </div>
  );
}
