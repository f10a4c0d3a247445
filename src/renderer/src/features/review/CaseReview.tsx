import { useEffect, useMemo } from 'react';
import { calendarDate } from '../../../../shared/domain/dates';
import { RESPONSE_TRIMMED_CODE } from '../../../../shared/domain/notices';
import { computeRiskFlags } from '../../../../shared/domain/risk-flags';
import type { CaseView } from '../../../../shared/domain/views';
import { useStore } from '../../store';
import { emptyReviewCase } from '../../store/review-slice';
import { Icon } from './Badge';
import { CaseHeader, TITLE_ID, lastSyncedAt } from './CaseHeader';
import { explainsRefreshFailure, FreshnessBanner, freshnessOf } from './FreshnessBanner';
import { ReviewNav } from './ReviewNav';
import { ReviewWorkspace } from './ReviewWorkspace';
import { orderFiles } from './labels';
import { preloadImage } from './useImage';
import { useReviewNav } from './useReviewNav';
import { useNow } from './time';
import './review.css';
import './workspace.css';
import './document-pane.css';
import './data-pane.css';
import './workspace-narrow.css';

/** The live region: decision recorded, refresh results. Rendered always so screen readers pick changes up. */
function Announcer(): React.JSX.Element {
  const announcement = useStore((s) => s.reviewAnnouncement);
  return (
    <div className="rv-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
      {announcement ? <span key={announcement.id}>{announcement.text}</span> : null}
    </div>
  );
}

/** The case review screen: everything an officer needs to decide one case, from the local cache. */
export function CaseReview({ caseId }: { caseId: string }): React.JSX.Element {
  const entry = useStore((s) => s.reviewCases[caseId]) ?? emptyReviewCase;
  const sync = useStore((s) => s.sync);
  const open = useStore((s) => s.reviewOpen);
  const load = useStore((s) => s.reviewLoad);
  const refresh = useStore((s) => s.reviewRefresh);
  const navigate = useStore((s) => s.navigate);
  const nav = useReviewNav(caseId);
  const now = useNow(30_000);

  useEffect(() => open(caseId), [caseId, open]);
  // The image the document pane shows first: its entry is made the moment the case arrives, before the
  // workspace renders (zustand tells subscribers before React renders), from the answer reviewOpen
  // asked for alongside the case.
  useEffect(() => {
    const preload = (view: CaseView): void => {
      if ((view.lifecycle?.purgedAt ?? null) !== null) return;
      const first = orderFiles(view.kyc?.files ?? [])[0];
      if (first) preloadImage(caseId, first, useStore.getState().reviewFirstImage);
    };
    return useStore.subscribe((state, previous) => {
      const view = state.reviewCases[caseId]?.view;
      if (view && !previous.reviewCases[caseId]?.view) preload(view);
    });
  }, [caseId]);

  const view = entry.view;
  const hasView = view !== null;
  // The officer's calendar day, as main will see it when the decision is recorded.
  const today = calendarDate(now);
  const dayKey = `${today.year}-${today.month}-${today.day}`;
  const flags = useMemo(
    () => (view ? computeRiskFlags(view, { decisionDate: calendarDate(now) }) : []),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- recomputed per calendar day, not per tick
    [view, dayKey],
  );
  // The shell focuses the screen's heading on navigation; when that was the "Opening case…" heading,
  // focus fell to <body> as it went away: hand it to the case's own heading.
  useEffect(() => {
    if (!hasView || (document.activeElement && document.activeElement !== document.body)) return;
    const title = document.getElementById(TITLE_ID);
    if (!title) return;
    if (!title.hasAttribute('tabindex')) title.setAttribute('tabindex', '-1');
    title.focus({ preventScroll: true });
  }, [hasView]);
  let content: React.ReactNode;

  if (view) {
    const trimmed = view.syncErrors.find((e) => e.code === RESPONSE_TRIMMED_CODE);
    content = (
      <>
        <div className="rv-top">
          <ReviewNav nav={nav} />
          <CaseHeader
            view={view}
            refreshing={entry.refreshing}
            refreshError={
              explainsRefreshFailure(freshnessOf(lastSyncedAt(view), sync, now)) ? null : entry.refreshError
            }
            onRefresh={() => void refresh(caseId)}
            now={now}
          />
          <FreshnessBanner syncedAt={lastSyncedAt(view)} sync={sync} now={now} />
          {trimmed ? (
            <div className="rv-inline-warning" role="status">
              <Icon name="warning" />
              <span>{trimmed.message}</span>
            </div>
          ) : null}
          {entry.loadError ? (
            <div className="rv-inline-error" role="alert">
              <Icon name="warning" />
              <span>
                Could not reload this case: {entry.loadError} Showing the last copy KYC Desk loaded.
              </span>
              <button type="button" className="rv-button rv-button-small" onClick={() => void load(caseId)}>
                Try again
              </button>
            </div>
          ) : null}
        </div>
        {/* Keyed by case: moving to the next case starts a fresh form and image view. */}
        <ReviewWorkspace key={caseId} caseId={caseId} view={view} entry={entry} flags={flags} now={now} />
      </>
    );
  } else if (entry.loadError) {
    content = (
      <div className="rv-card rv-state" role="alert">
        <h1 id={TITLE_ID} className="rv-title">
          Could not open this case
        </h1>
        <p>{entry.loadError}</p>
        <div className="rv-actions">
          <button type="button" className="rv-button rv-button-primary" onClick={() => void load(caseId)}>
            Try again
          </button>
          <button type="button" className="rv-button" onClick={() => navigate({ name: 'cases' })}>
            Back to cases
          </button>
        </div>
      </div>
    );
  } else {
    content = (
      <div className="rv-card rv-state" aria-busy="true">
        <h1 id={TITLE_ID} className="rv-title">
          Opening case…
        </h1>
        <div className="rv-skeleton-lines" aria-hidden="true">
          <span />
          <span />
          <span />
        </div>
      </div>
    );
  }

  return (
    <div className={`rv-screen${view ? ' rv-screen-case' : ''}`} role="region" aria-labelledby={TITLE_ID}>
      {content}
      <Announcer />
    </div>
  );
}
