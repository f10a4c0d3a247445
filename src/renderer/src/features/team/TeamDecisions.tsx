import type { TeamCaseView, TeamDecisionView } from '../../../../shared/domain/team';
import { formatClock } from '../../components/format';
import { decisionText, reasonLabel } from '../review/labels';

function Verdict({ d }: { d: TeamDecisionView }): React.JSX.Element | null {
  if (d.verdict === null) {
    return d.needsApproval ? <p className="team-verdict">Waiting for a second officer.</p> : null;
  }
  return (
    <p className="team-verdict" data-verdict={d.verdict}>
      {d.verdict === 'approved' ? 'Approved' : 'Sent back'} by {d.approver ?? 'another officer'}
      {d.verdictNote ? `: “${d.verdictNote}”` : ''}
    </p>
  );
}

function DecisionItem({ d }: { d: TeamDecisionView }): React.JSX.Element {
  return (
    <li className="team-decision" data-outcome={d.outcome}>
      <p>
        <strong>{decisionText(d.outcome).past}</strong>, {reasonLabel(d.outcome, d.reasonCode)} — by{' '}
        {d.officer} at {formatClock(d.decidedAt)}
      </p>
      {d.note ? <p className="muted">“{d.note}”</p> : null}
      <Verdict d={d} />
    </li>
  );
}

/**
 * The case's team decisions: the latest with its approval, or — while officers disagree — every
 * conflicting decision side by side, so nothing is hidden behind "the" decision.
 */
export function TeamDecisions({ view }: { view: TeamCaseView }): React.JSX.Element | null {
  if (view.decisions.length === 0) return null;
  if (view.state === 'conflict') {
    const shown = view.decisions.filter((d) => view.conflicting.includes(d.teamId));
    return (
      <ul className="team-conflict" aria-label="Conflicting decisions">
        {(shown.length ? shown : view.decisions).map((d) => (
          <DecisionItem key={d.teamId} d={d} />
        ))}
      </ul>
    );
  }
  const latest = view.decisions.at(-1)!;
  return (
    <ul className="team-decisions" aria-label="Latest team decision">
      <DecisionItem d={latest} />
    </ul>
  );
}
