import { useEffect, useState } from 'react';
import type { Decision, DecisionRecord } from '../../../../shared/domain/decision';
import type { RiskFlag } from '../../../../shared/domain/risk-flags';
import { DECISIONS } from './decision-form';
import { decisionText } from './labels';

/** True while the decision choice is fully on screen (inside its scrolling pane and the window). */
function useChoiceInView(watch: boolean): boolean {
  const [inView, setInView] = useState(false);
  useEffect(() => {
    if (!watch || typeof IntersectionObserver === 'undefined') return undefined;
    const target = document.querySelector('.rv-decision .rv-decisions');
    if (!target) return undefined;
    const observer = new IntersectionObserver(
      (entries) => {
        const entry = entries[entries.length - 1];
        if (entry) setInView(entry.intersectionRatio >= 0.99);
      },
      { threshold: [0, 0.99, 1] },
    );
    observer.observe(target);
    return () => {
      observer.disconnect();
      setInView(false);
    };
  }, [watch]);
  return watch && inView;
}

/**
 * The decision, always within reach: a bar at the foot of the data pane (of the window, when the
 * panes stack) whose buttons take the officer to the decision with that choice made. It steps aside
 * while the decision's own choice is on screen, so the page never offers two sets of the same buttons.
 */
export function DecideBar({
  flags,
  current,
  reviewShown,
  onChoose,
}: {
  flags: readonly RiskFlag[];
  /** The case's current decision, named in the bar so a decided case reads as decided. */
  current: DecisionRecord | null;
  reviewShown: boolean;
  onChoose: (decision: Decision) => void;
}): React.JSX.Element {
  const choiceVisible = useChoiceInView(reviewShown);
  const count = flags.length;
  return (
    <div className="rv-decidebar" role="group" aria-label="Decide" hidden={choiceVisible}>
      <span className="rv-decidebar-label">
        {current ? 'Decide again' : 'Decide'}
        <span className="rv-muted">
          {current ? `${decisionText(current.decision).past} now · ` : ''}
          {count === 0 ? 'no risk flags' : `${count} risk flag${count === 1 ? '' : 's'}`}
        </span>
      </span>
      {DECISIONS.map((decision) => (
        <button
          key={decision}
          type="button"
          className={`rv-button rv-decide-${decision}`}
          onClick={() => onChoose(decision)}
        >
          {decisionText(decision).verb}…
        </button>
      ))}
    </div>
  );
}
