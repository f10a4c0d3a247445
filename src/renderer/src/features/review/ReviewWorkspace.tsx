import { useDeferredValue, useEffect, useRef, useState } from 'react';
import type { Decision } from '../../../../shared/domain/decision';
import type { RiskFlag } from '../../../../shared/domain/risk-flags';
import type { CaseView } from '../../../../shared/domain/views';
import { useStore } from '../../store';
import type { ReviewCase } from '../../store/review-slice';
import { LinkPanel } from '../link/LinkPanel';
import { DataComparison } from './DataComparison';
import { DecideBar } from './DecideBar';
import { DecisionPanel } from './DecisionPanel';
import { EarlierDecisions, decisionHistory } from './DecisionHistory';
import { ImageGallery } from './ImageGallery';
import { isOpenIdv } from './labels';
import { OndatoChecks } from './OndatoChecks';
import { PurgedCase } from './PurgedCase';
import { RedactPanel } from './RedactPanel';
import { RiskFlagsCard } from './RiskFlags';
import { SidePanel, SideTabs, type SideTab } from './SideTabs';
import { Timeline } from './Timeline';
import { TeamCard } from '../team/TeamCard';

/**
 * The two panes: the document on the left, as large as the window allows; on the right, in the
 * order an officer checks, risk flags, entered vs read data, Ondato's checks and the decision, with
 * the history and the case's tools in tabs beside the review. Only the panes scroll, never the page.
 */
export function ReviewWorkspace({
  caseId,
  view,
  entry,
  flags,
  now,
}: {
  caseId: string;
  view: CaseView;
  entry: ReviewCase;
  flags: readonly RiskFlag[];
  now: number;
}): React.JSX.Element {
  const shortcutsEnabled = useStore((s) => s.settings.shortcuts);
  const loadDecisions = useStore((s) => s.reviewLoadDecisions);
  const loadTimeline = useStore((s) => s.reviewLoadTimeline);
  const decide = useStore((s) => s.reviewDecide);
  const clearDecideError = useStore((s) => s.reviewClearDecideError);
  const [tab, setTab] = useState<SideTab>('review');
  const chooseRef = useRef<((decision: Decision) => void) | null>(null);
  const [pending, setPending] = useState<Decision | null>(null);

  // The document pane renders first; the side panels (comparison tables, checks, the decision) render
  // just after, in a render React may interrupt, so the case's image is not kept waiting behind them.
  const panelsShown = useDeferredValue(true, false);
  const purged = (view.lifecycle?.purgedAt ?? null) !== null;
  const files = view.kyc?.files ?? [];
  const open = isOpenIdv(view.idvStatus);
  // While the customer has not sent images the link is what the officer needs: it takes the empty
  // document pane; afterwards it moves to its own tab.
  const linkInPane = open && files.length === 0 && !purged;
  const tabs: SideTab[] = ['review', 'history'];
  if (open && !linkInPane) tabs.push('link');
  if (!purged) tabs.push('data');
  const active = tabs.includes(tab) ? tab : 'review';
  const history = decisionHistory(entry.decisions ?? (view.latestDecision ? [view.latestDecision] : []));
  const earlier = history.earlier;
  const link = <LinkPanel caseId={caseId} customerUrl={view.customerUrl} externalRef={view.externalRef} />;

  // The Decide bar's choice lands once the review tab is showing again.
  useEffect(() => {
    if (pending && active === 'review' && chooseRef.current) {
      chooseRef.current(pending);
      setPending(null);
    }
  }, [pending, active]);

  return (
    <div className="rv-workspace">
      <div className="rv-doc-col">
        {purged ? (
          <PurgedCase view={view} />
        ) : (
          <ImageGallery
            caseId={caseId}
            files={files}
            syncErrors={view.syncErrors}
            empty={linkInPane ? <div className="rv-card rv-link">{link}</div> : null}
          />
        )}
      </div>
      <div className="rv-data-col">
        <SideTabs tabs={tabs} active={active} onSelect={setTab} />
        <div className="rv-data-scroll" aria-busy={panelsShown ? undefined : true}>
          {panelsShown ? (
            <>
              <SidePanel tab="review" active={active}>
                <RiskFlagsCard flags={flags} />
                {purged ? null : (
                  <>
                    <DataComparison view={view} now={now} />
                    <OndatoChecks kyc={view.kyc} />
                  </>
                )}
                <TeamCard caseId={caseId} now={now} decisionsSeen={entry.decisions?.length ?? 0} />
                <DecisionPanel
                  flags={flags}
                  caseId={caseId}
                  decisions={entry.decisions}
                  latest={view.latestDecision}
                  decisionsError={entry.decisionsError}
                  onRetryDecisions={() => void loadDecisions(caseId)}
                  deciding={entry.deciding}
                  decideError={entry.decideError}
                  onDecide={decide}
                  onClearError={() => clearDecideError(caseId)}
                  shortcutsEnabled={shortcutsEnabled && active === 'review'}
                  now={now}
                  chooseRef={chooseRef}
                  onShowHistory={() => setTab('history')}
                />
              </SidePanel>
              <SidePanel tab="history" active={active}>
                {earlier.length ? (
                  <section className="rv-card" aria-labelledby="rv-earlier-title">
                    <h2 id="rv-earlier-title">Earlier decisions</h2>
                    <EarlierDecisions earlier={earlier} now={now} />
                  </section>
                ) : null}
                <Timeline
                  events={entry.timeline}
                  error={entry.timelineError}
                  onRetry={() => void loadTimeline(caseId)}
                  now={now}
                />
              </SidePanel>
              {tabs.includes('link') ? (
                <SidePanel tab="link" active={active}>
                  <div className="rv-card rv-link">{link}</div>
                </SidePanel>
              ) : null}
              {tabs.includes('data') ? (
                <SidePanel tab="data" active={active}>
                  <RedactPanel caseId={caseId} externalRef={view.externalRef} />
                </SidePanel>
              ) : null}
            </>
          ) : null}
        </div>
      </div>
      <DecideBar
        flags={flags}
        current={history.current}
        reviewShown={active === 'review'}
        onChoose={(decision) => {
          setTab('review');
          setPending(decision);
        }}
      />
    </div>
  );
}
