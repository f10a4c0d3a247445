import { useEffect } from 'react';
import type { TeamCaseView } from '../../../../shared/domain/team';
import { useStore } from '../../store';
import { TeamAssignee } from './TeamAssignee';
import { TeamDecisions } from './TeamDecisions';
import { TeamReviewForm } from './TeamReviewForm';
import { formatWaiting, teamStateText } from './team-text';

const DEFAULT_SLA_MINUTES = 240;
const SETTLED = new Set<TeamCaseView['state']>(['final', 'approved']);

/**
 * The case in the team: who works it, the SLA clock, where its team decision stands, and — for an
 * supervisor other than the proposer — approve or send back. Shown only in a joined workspace.
 */
export function TeamCard({
  caseId,
  now,
  decisionsSeen,
}: {
  caseId: string;
  now: number;
  /** Changes when this desk records a decision: the card asks main again. */
  decisionsSeen: number;
}): React.JSX.Element | null {
  const status = useStore((s) => s.teamStatus);
  const view = useStore((s) => s.teamCases[caseId]);
  const load = useStore((s) => s.teamLoadCase);
  const joined = status?.joined === true;

  useEffect(() => {
    if (joined) void load(caseId);
  }, [joined, caseId, decisionsSeen, load]);

  if (!joined || view === undefined) return null;
  if (view === null) {
    // Registered here but not yet in the team database: the next round with the team shares it.
    return (
      <section className="rv-card team-card" aria-labelledby="rv-team-title" data-state="unshared">
        <h2 id="rv-team-title">Team</h2>
        <p className="team-state" role="status">
          Not shared with the team yet
        </p>
        <p className="muted">This desk shares the case at its next sync with the team database.</p>
      </section>
    );
  }
  const me = status.officer;
  const sla = (status.slaMinutes ?? DEFAULT_SLA_MINUTES) * 60_000;
  const waiting = view.customerFinishedAt === null ? null : now - view.customerFinishedAt;
  const overdue = waiting !== null && waiting > sla && !SETTLED.has(view.state);
  const latest = view.decisions.at(-1);
  const waitingReview = view.state === 'proposed' && latest !== undefined && latest.verdict === null;
  // The database lets only a supervisor other than the proposer approve; the card offers no more.
  const reviewable = waitingReview && status.supervisor && latest.officer !== me;

  return (
    <section className="rv-card team-card" aria-labelledby="rv-team-title" data-state={view.state}>
      <h2 id="rv-team-title">Team</h2>
      <TeamAssignee caseId={caseId} assignee={view.assignee} me={me} />
      <p className="team-sla">
        {waiting === null ? (
          'The customer has not finished yet.'
        ) : (
          <>
            Customer finished {formatWaiting(waiting)} ago
            {overdue ? <span className="team-overdue">Overdue</span> : null}
          </>
        )}
      </p>
      <p className="team-state" role="status" data-state={view.state}>
        {teamStateText(view.state)}
        {view.state === 'sent_back' && latest?.verdictNote ? `: “${latest.verdictNote}”` : ''}
      </p>
      <TeamDecisions view={view} />
      {reviewable ? <TeamReviewForm caseId={caseId} proposer={latest.officer} /> : null}
      {waitingReview && !reviewable ? (
        <p className="muted">
          {latest.officer === me
            ? 'Another officer with the supervisor role must approve your decision.'
            : 'A supervisor must approve or send back this decision.'}
        </p>
      ) : null}
    </section>
  );
}
